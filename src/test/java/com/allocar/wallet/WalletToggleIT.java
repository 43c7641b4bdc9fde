package com.allocar.wallet;

import static com.allocar.wallet.WalletFixtures.WALLET;
import static com.allocar.wallet.WalletFixtures.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestTokens;
import com.allocar.wallet.WalletFixtures.User;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@code enable_wallet} toggle: off, every wallet endpoint answers 403 {@code forbidden} naming the setting.
 * The one wallet test that switches it (tests share the server), restored at once in a finally; an admin's change
 * applies on this instance when it commits, so no cache delay is involved.
 */
class WalletToggleIT {
    private static void enableWallet(String admin, boolean on) {
        Clients.withToken(admin).body("{\"value\": " + on + "}").patch("/api/v1/admin/settings/enable_wallet")
                .then().statusCode(200);
    }

    private static void assertOff(Response response) {
        assertError(response, 403, "forbidden");
        assertThat(response.jsonPath().getString("error.details.setting")).isEqualTo("enable_wallet");
    }

    @Test
    void withTheWalletOffEveryWalletEndpointIsForbidden() {
        String admin = TestTokens.forAdmin("super");
        User user = WalletFixtures.verifiedUser();
        WalletFixtures.fund(user.id(), 5_000);
        List<Response> answers;
        try {
            enableWallet(admin, false);
            answers = List.of(Clients.withToken(user.token()).get(WALLET),
                    Clients.withToken(user.token()).get(WALLET + "/txns"),
                    WalletFixtures.withdraw(user.token(), 2_000, "wave", Accounts.newPhone()),
                    Clients.withToken(user.token()).get(WALLET + "/withdrawals/" + UUID.randomUUID()));
        } finally {
            enableWallet(admin, true);
        }
        answers.forEach(WalletToggleIT::assertOff);
        assertThat(WalletFixtures.count("SELECT count(*) FROM wallet_withdrawals WHERE user_id = ?", user.id())).isZero();
        Clients.withToken(user.token()).get(WALLET).then().statusCode(200);
    }
}

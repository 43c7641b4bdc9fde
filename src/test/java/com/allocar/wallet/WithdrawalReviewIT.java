package com.allocar.wallet;

import static com.allocar.wallet.WalletFixtures.WALLET;
import static com.allocar.wallet.WalletFixtures.assertError;
import static com.allocar.wallet.WalletFixtures.funded;
import static com.allocar.wallet.WalletFixtures.wallet;
import static com.allocar.wallet.WalletFixtures.withdraw;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestTokens;
import com.allocar.testsupport.WaveStandIn;
import com.allocar.wallet.WalletFixtures.User;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 6: a payout whose first send went unanswered is looked up before it is sent again, and a refusal
 * of the re-send is not a failure (the first send may have paid): the withdrawal waits in needs_review, its money
 * neither paid back nor sent again, until finance resolves it (super and finance only, with a note, audited).
 */
class WithdrawalReviewIT {
    private static final String ADMIN_WITHDRAWALS = "/api/v1/admin/wallet/withdrawals";
    /** The first send waits out the provider client's 10 s timeout; the job retries 1 s later. */
    private static final Duration REVIEW_WAIT = Duration.ofSeconds(45);
    private final WaveStandIn wave = WaveStandIn.start();

    private List<LoggedRequest> payoutsSent(String withdrawalId) {
        return WalletFixtures.payoutsSent(wave, withdrawalId);
    }

    private static Response resolve(String token, String id, String outcome, String note) {
        return Clients.withToken(token).body(Clients.json(Map.of("outcome", outcome, "note", note)))
                .post(ADMIN_WITHDRAWALS + "/" + id + "/resolve");
    }

    @Test
    void aTimedOutPayoutRefusedOnRetryNeedsReviewAndIsNotCreditedBack() {
        User user = funded(8_000);
        // the first send times out (no answer at all), the re-send with the same key is refused
        wave.failNext("POST", "/v1/payout", 200, "{}", 11_000, 1);
        wave.failNext("POST", "/v1/payout", 409, "{\"code\":\"idempotency-key-conflict\",\"message\":\"conflict\"}", 0, 1);
        String id = withdraw(user.token(), 5_000, "wave", Accounts.newPhone()).then().statusCode(202).extract()
                .jsonPath().getString("data.id");

        assertThat(WalletFixtures.awaitStatus(id, REVIEW_WAIT, "needs_review", "failed", "done")).isEqualTo("needs_review");
        assertThat(payoutsSent(id)).hasSize(2);
        assertThat(wave.requests("GET", "/v1/payouts/search")).isNotEmpty();
        JsonPath now = wallet(user);
        assertThat(now.getInt("data.balance")).isEqualTo(3_000);
        assertThat(now.getInt("data.pending_withdrawals")).isEqualTo(5_000);
        assertThat(WalletFixtures.auditActions(id)).containsExactly("wallet.withdrawal.requested",
                "wallet.withdrawal.processing", "wallet.withdrawal.needs_review");
        JsonPath mine = Clients.withToken(user.token()).get(WALLET + "/withdrawals/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(mine.getString("data.status")).isEqualTo("needs_review");
        // nothing is sent again while finance looks at it
        assertThat(WalletFixtures.string("SELECT next_attempt_at FROM wallet_withdrawals WHERE id = ?::uuid", id)).isNull();

        String finance = TestTokens.forAdmin("finance");
        JsonPath queue = Clients.withToken(finance).queryParam("status", "needs_review").queryParam("user_id", user.id())
                .get(ADMIN_WITHDRAWALS).then().statusCode(200).extract().jsonPath();
        assertThat(queue.getList("data.id", String.class)).containsExactly(id);
        assertThat(queue.getString("data[0].failure_reason")).contains("idempotency-key-conflict");
        assertError(Clients.withToken(TestTokens.forAdmin("ops")).get(ADMIN_WITHDRAWALS), 403, "forbidden");
        assertError(resolve(finance, id, "maybe", "checked"), 400, "validation_error");
        assertError(resolve(finance, id, "failed", ""), 400, "validation_error");

        JsonPath resolved = resolve(finance, id, "failed", "Wave portal: no payout pt- for this reference").then()
                .statusCode(200).extract().jsonPath();
        assertThat(resolved.getString("data.status")).isEqualTo("failed");
        assertThat(resolved.getString("data.resolution.note")).isEqualTo("Wave portal: no payout pt- for this reference");
        assertThat(wallet(user).getInt("data.balance")).isEqualTo(8_000);
        assertThat(WalletFixtures.auditActions(id)).endsWith("wallet.withdrawal.resolved");
        assertError(resolve(finance, id, "paid", "again"), 409, "conflict");
        WalletFixtures.ledger(user.id()).assertConsistent();
    }

    @Test
    void aPayoutMadeWhoseAnswerWasLostIsFoundAndNeverPaidTwice() {
        User user = funded(6_000);
        wave.loseNextPayoutAnswer();
        String id = withdraw(user.token(), 4_000, "wave", Accounts.newPhone()).then().statusCode(202).extract()
                .jsonPath().getString("data.id");

        assertThat(WalletFixtures.awaitStatus(id, REVIEW_WAIT, "done", "failed", "needs_review")).isEqualTo("done");
        assertThat(payoutsSent(id)).hasSize(1);
        assertThat(wave.payoutsFor(id)).hasSize(1);
        assertThat(WalletFixtures.string("SELECT provider_ref FROM wallet_withdrawals WHERE id = ?::uuid", id))
                .isEqualTo(wave.payoutsFor(id).get(0).getString("id"));
        assertThat(wallet(user).getInt("data.balance")).isEqualTo(2_000);
        WalletFixtures.ledger(user.id()).assertConsistent();
    }

    @Test
    void onlyAWithdrawalInReviewCanBeResolved() {
        User user = funded(3_000);
        String id = withdraw(user.token(), 1_000, "wave", Accounts.newPhone()).then().statusCode(202).extract()
                .jsonPath().getString("data.id");
        WalletFixtures.awaitStatus(id, Duration.ofSeconds(20), "done");
        String admin = TestTokens.forAdmin("super");
        Response refused = resolve(admin, id, "failed", "not in review");
        assertError(refused, 409, "conflict");
        assertThat(refused.jsonPath().getString("error.details.from")).isEqualTo("done");
        assertError(resolve(admin, java.util.UUID.randomUUID().toString(), "paid", "unknown"), 404, "not_found");
        assertThat(wallet(user).getInt("data.balance")).isEqualTo(2_000);
    }
}

package com.allocar.wallet;

import static com.allocar.wallet.WalletFixtures.WALLET;
import static com.allocar.wallet.WalletFixtures.assertError;
import static com.allocar.wallet.WalletFixtures.assertInvalid;
import static com.allocar.wallet.WalletFixtures.funded;
import static com.allocar.wallet.WalletFixtures.wallet;
import static com.allocar.wallet.WalletFixtures.withdraw;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.WaveStandIn;
import com.allocar.wallet.WalletFixtures.User;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /wallet/withdraw} and {@code GET /wallet/withdrawals/{id}} (WAL-1, WAL-2) with Wave's stand-in paying
 * out: debited when requested, paid after the commit, returned when the payout fails, re-sent with the same
 * idempotency key when the outcome is unknown; the rules (minimum, KYC, balance, phone, method); replays; and
 * concurrent withdrawals that never overdraw.
 */
class WithdrawalIT {
    private static final Duration PAYOUT_WAIT = Duration.ofSeconds(20);
    private final WaveStandIn wave = WaveStandIn.start();

    private static JsonPath accepted(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        return response.jsonPath();
    }

    private List<LoggedRequest> payoutsSent(String withdrawalId) {
        return WalletFixtures.payoutsSent(wave, withdrawalId);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aWithdrawalIsDebitedAtOnceThenPaidOutByWave() {
        User user = funded(10_000);
        String phone = Accounts.newPhone();
        JsonPath made = accepted(Clients.withToken(user.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Clients.json(WalletFixtures.body(4_000, "wave", phone))).post(WALLET + "/withdraw"));
        String id = made.getString("data.id");
        assertThat(made.getInt("data.amount")).isEqualTo(4_000);
        assertThat(made.getString("data.method")).isEqualTo("wave");
        assertThat(made.getString("data.status")).isIn("requested", "processing", "done");
        assertThat(made.getString("data.phone")).doesNotContain(phone.substring(4, phone.length() - 3))
                .endsWith(phone.substring(phone.length() - 3));
        assertThat(made.getString("data.created_at")).isNotBlank();

        assertThat(WalletFixtures.awaitStatus(id, PAYOUT_WAIT, "done", "failed")).isEqualTo("done");
        JsonPath withdrawal = Clients.withToken(user.token()).get(WALLET + "/withdrawals/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(withdrawal.getString("data.status")).isEqualTo("done");

        List<LoggedRequest> sent = payoutsSent(id);
        assertThat(sent).hasSize(1);
        JsonObject payout = json(sent.get(0).getBodyAsString());
        assertThat(payout.getString("receive_amount")).isEqualTo("4000");
        assertThat(payout.getString("currency")).isEqualTo("XOF");
        assertThat(payout.getString("mobile")).isEqualTo(phone);
        assertThat(WalletFixtures.string("SELECT provider_ref FROM wallet_withdrawals WHERE id = ?::uuid", id))
                .startsWith("pt-");

        JsonPath after = wallet(user);
        assertThat(after.getInt("data.balance")).isEqualTo(6_000);
        assertThat(after.getInt("data.pending_withdrawals")).isZero();
        JsonPath txns = Clients.withToken(user.token()).get(WALLET + "/txns?type=debit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(txns.getList("data.amount", Integer.class)).containsExactly(4_000);
        assertThat(txns.getString("data[0].source")).isEqualTo("withdrawal");
        assertThat(txns.getString("data[0].ref_id")).isEqualTo(id);
        assertThat(txns.getInt("data[0].balance_after")).isEqualTo(6_000);
        WalletFixtures.ledger(user.id()).assertConsistent();
        assertThat(WalletFixtures.auditActions(id)).containsExactly("wallet.withdrawal.requested",
                "wallet.withdrawal.done");
        assertThat(WalletFixtures.string("SELECT meta->>'amount' FROM audit_logs WHERE entity_id = ?::uuid "
                + "AND action = 'wallet.withdrawal.done'", id)).isEqualTo("4000");
    }

    @Test
    void aFailedPayoutGivesTheMoneyBack() {
        User user = funded(10_000);
        String id;
        wave.nextPayoutStatus("failed");
        try {
            id = accepted(withdraw(user.token(), 3_000, "wave", Accounts.newPhone())).getString("data.id");
            assertThat(WalletFixtures.awaitStatus(id, PAYOUT_WAIT, "done", "failed")).isEqualTo("failed");
        } finally {
            wave.nextPayoutStatus("succeeded");
        }
        JsonPath withdrawal = Clients.withToken(user.token()).get(WALLET + "/withdrawals/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(withdrawal.getString("data.status")).isEqualTo("failed");
        assertThat(withdrawal.getString("data.failure_reason")).isEqualTo("recipient-limit-exceeded");
        assertThat(wallet(user).getInt("data.balance")).isEqualTo(10_000);

        JsonPath moves = Clients.withToken(user.token()).get(WALLET + "/txns?sort=created_at").then().statusCode(200)
                .extract().jsonPath();
        assertThat(moves.getList("data.type")).containsExactly("credit", "debit", "credit");
        assertThat(moves.getList("data.amount", Integer.class)).containsExactly(10_000, 3_000, 3_000);
        assertThat(moves.getList("data.balance_after", Integer.class)).containsExactly(10_000, 7_000, 10_000);
        assertThat(moves.getString("data[2].ref_id")).isEqualTo(id);
        WalletFixtures.ledger(user.id()).assertConsistent();
        assertThat(WalletFixtures.auditActions(id)).containsExactly("wallet.withdrawal.requested",
                "wallet.withdrawal.failed");
    }

    @Test
    void anUnknownOutcomeIsResentWithTheSameIdempotencyKeyAndPaysOnce() {
        User user = funded(8_000);
        wave.failNext("POST", "/v1/payout", 503, 1);
        String id = accepted(withdraw(user.token(), 5_000, "wave", Accounts.newPhone())).getString("data.id");
        assertThat(WalletFixtures.awaitStatus(id, PAYOUT_WAIT, "done", "failed")).isEqualTo("done");
        List<LoggedRequest> sent = payoutsSent(id);
        assertThat(sent).hasSize(2);
        assertThat(sent).allSatisfy(r -> assertThat(r.getHeader("idempotency-key")).isEqualTo(id));
        assertThat(WalletFixtures.count("SELECT attempts FROM wallet_withdrawals WHERE id = ?::uuid", id)).isEqualTo(2);
        assertThat(WalletFixtures.auditActions(id)).containsExactly("wallet.withdrawal.requested",
                "wallet.withdrawal.processing", "wallet.withdrawal.done");
        assertThat(wallet(user).getInt("data.balance")).isEqualTo(3_000);
        WalletFixtures.ledger(user.id()).assertConsistent();
    }

    @Test
    void aPayoutStillProcessingCountsAsPending() {
        User user = funded(6_000);
        String id;
        wave.nextPayoutStatus("processing");
        try {
            id = accepted(withdraw(user.token(), 2_500, "wave", Accounts.newPhone())).getString("data.id");
            assertThat(WalletFixtures.awaitStatus(id, PAYOUT_WAIT, "processing")).isEqualTo("processing");
        } finally {
            wave.nextPayoutStatus("succeeded");
        }
        JsonPath now = wallet(user);
        assertThat(now.getInt("data.balance")).isEqualTo(3_500);
        assertThat(now.getInt("data.pending_withdrawals")).isEqualTo(2_500);
        WalletFixtures.ledger(user.id()).assertConsistent();
    }

    @Test
    void theMinimumAndWholeFrancsAreEnforced() {
        User user = funded(10_000);
        Response small = withdraw(user.token(), 999, "wave", Accounts.newPhone());
        assertInvalid(small, "amount");
        assertThat(small.jsonPath().getInt("error.details.minimum")).isEqualTo(1_000);
        assertThat(small.jsonPath().getString("error.details.fields.amount")).contains("1000");
        assertInvalid(withdraw(user.token(), 1500.5, "wave", Accounts.newPhone()), "amount");
        assertInvalid(withdraw(user.token(), -2000, "wave", Accounts.newPhone()), "amount");
        assertThat(WalletFixtures.count("SELECT count(*) FROM wallet_withdrawals WHERE user_id = ?", user.id())).isZero();
        assertThat(wallet(user).getInt("data.balance")).isEqualTo(10_000);
    }

    @Test
    void methodAndPhoneAreChecked() {
        User user = funded(10_000);
        Response orange = withdraw(user.token(), 2_000, "orange", Accounts.newPhone());
        assertInvalid(orange, "method");
        assertThat(orange.jsonPath().getString("error.details.fields.method")).contains("wave");
        assertThat(orange.jsonPath().getList("error.details.methods")).containsExactly("wave");
        assertInvalid(withdraw(user.token(), 2_000, "manual", Accounts.newPhone()), "method");
        assertInvalid(withdraw(user.token(), 2_000, null, Accounts.newPhone()), "method");
        assertInvalid(withdraw(user.token(), 2_000, "wave", "12345"), "phone");
        assertInvalid(withdraw(user.token(), 2_000, "wave", "not a phone"), "phone");
        assertThat(WalletFixtures.count("SELECT count(*) FROM wallet_withdrawals WHERE user_id = ?", user.id())).isZero();
    }

    @Test
    void withdrawalsNeedAnApprovedKyc() {
        User user = WalletFixtures.user();
        WalletFixtures.fund(user.id(), 10_000);
        assertError(withdraw(user.token(), 2_000, "wave", Accounts.newPhone()), 403, "kyc_required");
        assertThat(wallet(user).getInt("data.balance")).isEqualTo(10_000);
        assertThat(WalletFixtures.count("SELECT count(*) FROM wallet_withdrawals WHERE user_id = ?", user.id())).isZero();
    }

    @Test
    void moreThanTheBalanceIsInsufficientFunds() {
        User user = funded(2_000);
        Response refused = withdraw(user.token(), 5_000, "wave", Accounts.newPhone());
        assertError(refused, 402, "insufficient_funds");
        assertThat(refused.jsonPath().getInt("error.details.balance")).isEqualTo(2_000);
        assertThat(refused.jsonPath().getInt("error.details.required")).isEqualTo(5_000);
        assertThat(WalletFixtures.count("SELECT count(*) FROM wallet_withdrawals WHERE user_id = ?", user.id())).isZero();
        assertThat(wallet(user).getInt("data.balance")).isEqualTo(2_000);
        User empty = WalletFixtures.verifiedUser();
        assertError(withdraw(empty.token(), 1_000, "wave", Accounts.newPhone()), 402, "insufficient_funds");
    }

    @Test
    void aReplayedWithdrawalDebitsOnce() {
        User user = funded(10_000);
        String key = UUID.randomUUID().toString();
        String body = Clients.json(WalletFixtures.body(2_000, "wave", Accounts.newPhone()));
        Response first = Clients.withToken(user.token()).header("Idempotency-Key", key).body(body).post(WALLET + "/withdraw");
        Response again = Clients.withToken(user.token()).header("Idempotency-Key", key).body(body).post(WALLET + "/withdraw");
        String id = accepted(first).getString("data.id");
        assertThat(accepted(again).getString("data.id")).isEqualTo(id);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(WalletFixtures.count("SELECT count(*) FROM wallet_withdrawals WHERE user_id = ?", user.id())).isEqualTo(1);
        assertThat(WalletFixtures.count("SELECT count(*) FROM wallet_txns t JOIN wallets w ON w.id = t.wallet_id "
                + "WHERE w.user_id = ? AND t.type = 'debit'", user.id())).isEqualTo(1);
        WalletFixtures.awaitStatus(id, PAYOUT_WAIT, "done");
        assertThat(payoutsSent(id)).hasSize(1);
        assertThat(wallet(user).getInt("data.balance")).isEqualTo(8_000);
    }

    @Test
    void nobodySeesAnotherUsersWithdrawal() {
        User owner = funded(5_000);
        String id = accepted(withdraw(owner.token(), 1_000, "wave", Accounts.newPhone())).getString("data.id");
        User other = WalletFixtures.verifiedUser();
        assertError(Clients.withToken(other.token()).get(WALLET + "/withdrawals/" + id), 404, "not_found");
        assertError(Clients.withToken(owner.token()).get(WALLET + "/withdrawals/" + UUID.randomUUID()), 404, "not_found");
        Clients.withToken(owner.token()).get(WALLET + "/withdrawals/" + id).then().statusCode(200);
        Clients.anonymous().get(WALLET + "/withdrawals/" + id).then().statusCode(401);
        WalletFixtures.awaitStatus(id, PAYOUT_WAIT, "done");
    }

    @Test
    void concurrentWithdrawalsNeverOverdraw() throws Exception {
        User user = funded(10_000);
        int attempts = 10;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return withdraw(user.token(), 3_000, "wave", Accounts.newPhone());
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 202) {
                    ids.add(response.jsonPath().getString("data.id"));
                } else {
                    assertError(response, 402, "insufficient_funds");
                }
            }
            assertThat(statuses).filteredOn(s -> s == 202).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 402).hasSize(7);
            WalletFixtures.ledger(user.id()).assertConsistent();
            for (String id : ids) {
                assertThat(WalletFixtures.awaitStatus(id, PAYOUT_WAIT, "done", "failed")).isEqualTo("done");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(WalletFixtures.count("SELECT count(*) FROM wallet_withdrawals WHERE user_id = ?", user.id())).isEqualTo(3);
        WalletFixtures.Ledger ledger = WalletFixtures.ledger(user.id());
        ledger.assertConsistent();
        assertThat(ledger.balance()).isEqualByComparingTo("1000");
        assertThat(wallet(user).getInt("data.balance")).isEqualTo(1_000);
    }
}

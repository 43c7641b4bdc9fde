package com.allocar.payments;

import static com.allocar.payments.PaymentFixtures.accepted;
import static com.allocar.payments.PaymentFixtures.auditActions;
import static com.allocar.payments.PaymentFixtures.count;
import static com.allocar.payments.PaymentFixtures.deliver;
import static com.allocar.payments.PaymentFixtures.eventually;
import static com.allocar.payments.PaymentFixtures.row;
import static com.allocar.payments.PaymentFixtures.started;
import static com.allocar.payments.PaymentFixtures.status;
import static com.allocar.payments.PaymentFixtures.trip;
import static com.allocar.payments.PaymentFixtures.value;
import static com.allocar.payments.PaymentFixtures.walletBalance;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.MtnStandIn;
import com.allocar.testsupport.TestTokens;
import com.allocar.testsupport.WaveStandIn;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 9: with {@code enable_wallet} off, a refund no provider can make (MTN MoMo has no refund API) is
 * never credited to the wallet its owner cannot see: it becomes a MANUAL refund in finance's queue, paid out by
 * finance and resolved with a note. The setting is switched back on in a finally (tests share the server).
 */
class WalletOffRefundIT {
    private static WaveStandIn wave;
    private static MtnStandIn mtn;

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        wave = WaveStandIn.start();
        mtn = MtnStandIn.start();
    }

    private static void enableWallet(String admin, boolean on) {
        Clients.withToken(admin).body("{\"value\": " + on + "}").patch("/api/v1/admin/settings/enable_wallet")
                .then().statusCode(200);
    }

    @Test
    void anMtnRefundWithTheWalletOffWaitsForFinanceInsteadOfAnInvisibleWallet() {
        String admin = TestTokens.forAdmin("super");
        UUID trip = trip(1);
        PaymentFixtures.Booked first = accepted(trip, 1);
        PaymentFixtures.Booked second = accepted(trip, 1);
        UUID secondPayment;
        try {
            enableWallet(admin, false);
            UUID firstPayment = started(first, "wave");
            secondPayment = started(second, "mtn");
            String session = wave.sessionFor(firstPayment.toString()).getString("id");
            wave.pay(session);
            assertThat(deliver("wave", wave.webhook("checkout.session.completed", session))).isEqualTo("applied");
            mtn.succeed(secondPayment.toString());
            assertThat(deliver("mtn", mtn.callback(secondPayment.toString()))).isEqualTo("applied");
            UUID payment = secondPayment;
            eventually(() -> "needs_review".equals(value("SELECT status FROM payment_refunds WHERE payment_id = ?",
                    payment)), "the refund to reach finance's queue");
        } finally {
            enableWallet(admin, true);
        }
        Map<String, Object> refund = row("SELECT id, route, status, wallet_txn_id FROM payment_refunds WHERE payment_id = ?",
                secondPayment);
        assertThat(refund).containsEntry("route", "MANUAL").containsEntry("status", "needs_review");
        assertThat(refund.get("wallet_txn_id")).isNull();
        assertThat(walletBalance(second.passenger().id())).isZero();
        assertThat(count("SELECT count(*) FROM wallet_txns t JOIN wallets w ON w.id = t.wallet_id WHERE w.user_id = ?",
                second.passenger().id())).isZero();
        assertThat(status("payments", secondPayment)).isEqualTo("paid");
        assertThat(auditActions(secondPayment)).contains("payment.refund_manual");

        String finance = TestTokens.forAdmin("finance");
        JsonPath queue = Clients.withToken(finance).queryParam("route", "MANUAL").queryParam("status", "needs_review")
                .queryParam("payment_id", secondPayment.toString()).get("/api/v1/admin/payments/refunds")
                .then().statusCode(200).extract().jsonPath();
        assertThat(queue.getList("data.id", String.class)).containsExactly(refund.get("id").toString());
        assertThat(queue.getString("data[0].payer_id")).isEqualTo(second.passenger().id().toString());
        assertThat(queue.getString("data[0].method")).isEqualTo("mtn");

        Clients.withToken(finance).body(Clients.json(Map.of("outcome", "paid", "note", "Paid by MTN transfer TX-42")))
                .post("/api/v1/admin/payments/refunds/" + refund.get("id") + "/resolve").then().statusCode(200);
        assertThat(status("payments", secondPayment)).isEqualTo("refunded");
        assertThat(walletBalance(second.passenger().id())).isZero();
    }
}

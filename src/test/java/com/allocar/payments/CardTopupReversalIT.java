package com.allocar.payments;

import static com.allocar.payments.PaymentFixtures.accepted;
import static com.allocar.payments.PaymentFixtures.assertError;
import static com.allocar.payments.PaymentFixtures.count;
import static com.allocar.payments.PaymentFixtures.deliver;
import static com.allocar.payments.PaymentFixtures.fundWallet;
import static com.allocar.payments.PaymentFixtures.init;
import static com.allocar.payments.PaymentFixtures.passenger;
import static com.allocar.payments.PaymentFixtures.sql;
import static com.allocar.payments.PaymentFixtures.status;
import static com.allocar.payments.PaymentFixtures.walletBalance;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.SignedWebhook;
import com.allocar.testsupport.StripeStandIn;
import com.allocar.testsupport.TestTokens;
import com.allocar.testsupport.WaveStandIn;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 7: a card top-up's credit is on hold (setting {@code wallet.card_hold_days}, 7 by default) and
 * cannot be withdrawn meanwhile; a refund made at Stripe or a chargeback ({@code charge.dispute.created}) takes the
 * credit back, and what was already spent becomes an open debt that stops withdrawals until finance resolves it.
 * Every webhook is signed by the Stripe stand-in.
 */
class CardTopupReversalIT {
    private static final String WALLET = "/api/v1/wallet";
    private static final String ADMIN_DEBTS = "/api/v1/admin/wallet/debts";
    private static StripeStandIn stripe;

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        stripe = StripeStandIn.start();
        WaveStandIn.start();
    }

    /** A passenger with an approved KYC (withdrawals need it). */
    private static PaymentFixtures.Passenger verified() {
        PaymentFixtures.Passenger me = passenger();
        sql("INSERT INTO kyc_documents (user_id, doc_type, doc_number, front_key, status, reviewed_at) "
                + "VALUES (?, 'cni', ?, 'kyc/x/front.jpg', 'approved', now())", me.id(), "CI " + UUID.randomUUID());
        return me;
    }

    /** Tops the wallet up by card through Stripe: returns the PaymentIntent, succeeded and its webhook applied. */
    private static String cardTopUp(PaymentFixtures.Passenger me, int amount) {
        Response response = Clients.withToken(me.token()).body(Clients.json(Map.of("amount", amount, "method", "card")))
                .post(WALLET + "/topup");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        String intent = stripe.intentFor(response.jsonPath().getString("data.payment.id"));
        stripe.succeed(intent);
        assertThat(deliver("stripe", stripe.webhook("payment_intent.succeeded", intent))).isEqualTo("applied");
        return intent;
    }

    private static Response withdraw(PaymentFixtures.Passenger me, int amount) {
        return Clients.withToken(me.token())
                .body(Clients.json(Map.of("amount", amount, "method", "wave", "phone", Accounts.newPhone())))
                .post(WALLET + "/withdraw");
    }

    private static JsonPath wallet(PaymentFixtures.Passenger me) {
        return Clients.withToken(me.token()).get(WALLET).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCardTopUpCanPayButCannotBeWithdrawnDuringItsHold() {
        PaymentFixtures.Passenger me = verified();
        cardTopUp(me, 5000);
        fundWallet(me.id(), 2000);
        JsonPath now = wallet(me);
        assertThat(now.getInt("data.balance")).isEqualTo(7000);
        assertThat(now.getInt("data.withdrawable")).isEqualTo(2000);
        assertThat(count("SELECT count(*) FROM wallet_txns t JOIN wallets w ON w.id = t.wallet_id WHERE w.user_id = ? "
                + "AND t.source = 'topup' AND t.hold_until > now() + interval '6 days 23 hours'", me.id())).isOne();

        Response held = withdraw(me, 3000);
        assertError(held, 402, "insufficient_funds");
        assertThat(held.jsonPath().getString("error.details.reason")).isEqualTo("card_hold");
        assertThat(held.jsonPath().getInt("error.details.withdrawable")).isEqualTo(2000);
        assertThat(held.jsonPath().getInt("error.details.on_hold")).isEqualTo(5000);
        assertThat(withdraw(me, 2000).statusCode()).isEqualTo(202);
        assertThat(walletBalance(me.id())).isEqualTo(5000);
    }

    @Test
    void aCardTopUpRefundedAtStripeIsTakenBackFromTheWallet() {
        PaymentFixtures.Passenger me = verified();
        String intent = cardTopUp(me, 5000);
        stripe.refundInDashboard(intent, 5000);
        assertThat(deliver("stripe", stripe.webhook("charge.refunded", intent))).isEqualTo("applied");

        assertThat(walletBalance(me.id())).isZero();
        UUID paymentId = UUID.fromString(stripe.intent(intent).getJsonObject("metadata").getString("payment_id"));
        assertThat(status("payments", paymentId)).isEqualTo("refunded");
        assertThat(count("SELECT count(*) FROM wallet_txns t JOIN wallets w ON w.id = t.wallet_id WHERE w.user_id = ? "
                + "AND t.type = 'debit' AND t.source = 'topup' AND t.ref_id = ? AND t.amount = 5000", me.id(), paymentId))
                .isOne();
        assertThat(count("SELECT count(*) FROM wallet_debts WHERE user_id = ?", me.id())).isZero();
    }

    @Test
    void aChargebackAfterTheCreditWasSpentLeavesADebtThatStopsWithdrawals() {
        PaymentFixtures.Passenger me = verified();
        String intent = cardTopUp(me, 6000);
        // the credit pays a booking, and 1000 more arrive from elsewhere
        PaymentFixtures.Booked booked = accepted(PaymentFixtures.trip(3), 1);
        sql("UPDATE bookings SET passenger_id = ? WHERE id = ?", me.id(), booked.bookingId());
        assertThat(init(me.token(), booked.bookingId(), "wallet").statusCode()).isEqualTo(201);
        fundWallet(me.id(), 1000);
        assertThat(walletBalance(me.id())).isEqualTo(1000);

        SignedWebhook dispute = stripe.webhook("charge.dispute.created", intent);
        assertThat(deliver("stripe", dispute)).isEqualTo("applied");
        assertThat(deliver("stripe", dispute)).isEqualTo("duplicate");
        assertThat(walletBalance(me.id())).isZero();
        Response refused = withdraw(me, 1000);
        assertError(refused, 403, "forbidden");
        assertThat(refused.jsonPath().getString("error.details.reason")).isEqualTo("wallet_debt");
        assertThat(wallet(me).getInt("data.withdrawable")).isZero();

        String finance = TestTokens.forAdmin("finance");
        JsonPath debts = Clients.withToken(finance).queryParam("status", "open").queryParam("user_id", me.id().toString())
                .get(ADMIN_DEBTS).then().statusCode(200).extract().jsonPath();
        assertThat(debts.getList("data.amount", Integer.class)).containsExactly(5000);
        assertThat(debts.getString("data[0].reason")).isEqualTo("topup_disputed");
        String debt = debts.getString("data[0].id");
        Clients.withToken(finance).body(Clients.json(Map.of("outcome", "written_off", "note", "Dispute lost, amount small")))
                .post(ADMIN_DEBTS + "/" + debt + "/resolve").then().statusCode(200);
        assertThat(count("SELECT count(*) FROM wallet_debts WHERE user_id = ? AND status = 'open'", me.id())).isZero();
        assertThat(count("SELECT count(*) FROM audit_logs WHERE entity_id = ?::uuid AND action = 'wallet.debt.resolved'",
                debt)).isOne();
        // a second report of the same top-up never takes more than it gave
        assertThat(deliver("stripe", stripe.webhook("charge.dispute.created", intent))).isEqualTo("applied");
        assertThat(count("SELECT count(*) FROM wallet_debts WHERE user_id = ?", me.id())).isOne();
    }
}

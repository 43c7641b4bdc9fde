package com.allocar.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.SignedWebhook;
import com.allocar.testsupport.WaveStandIn;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * WAL-2 under a concurrent mix of everything that moves one wallet: top-ups credited by Wave's webhooks, bookings
 * paid from the wallet, paid bookings cancelled (refunds to the wallet) and withdrawals, all at once. Whatever
 * order they run in, the balance never goes negative and equals its completed transactions, and it is exactly
 * what the accepted operations add up to.
 */
class WalletConcurrencyIT {
    private static final int PRICE = 6000;
    private static final int TOPUP = 5000;
    private static final int WITHDRAWAL = 3000;
    private final WaveStandIn wave = WaveStandIn.start();

    @Test
    void theBalanceAlwaysEqualsItsTransactions() throws Exception {
        WalletFixtures.User user = WalletFixtures.verifiedUser();
        String phone = Db.value(String.class, "SELECT phone FROM users WHERE id = ?", user.id());
        WalletFixtures.fund(user.id(), 20_000);

        List<String> toCancel = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String booking = book(user);
            Response paid = BookingFixtures.pay(user.token(), booking, "wallet");
            assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(201);
            toCancel.add(booking);
        }
        List<String> toPay = List.of(book(user), book(user), book(user));
        List<String> topupSessions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Response topup = Clients.withToken(user.token())
                    .body(Clients.json(Map.of("amount", TOPUP, "method", "wave"))).post("/api/v1/wallet/topup");
            assertThat(topup.statusCode()).as(topup.asString()).isEqualTo(201);
            String session = wave.sessionFor(topup.jsonPath().getString("data.payment.id")).getString("id");
            wave.pay(session);
            topupSessions.add(session);
        }
        long before = 20_000 - 2L * PRICE;
        assertThat(BookingFixtures.balance(user.id())).isEqualByComparingTo(BigDecimal.valueOf(before));

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Response>> mix = new ArrayList<>();
        for (String session : topupSessions) {
            SignedWebhook event = wave.webhook("checkout.session.completed", session);
            mix.add(() -> Clients.anonymous().headers(event.headers()).body(event.body())
                    .post("/api/v1/payments/webhook/wave"));
        }
        toPay.forEach(b -> mix.add(() -> BookingFixtures.pay(user.token(), b, "wallet")));
        toCancel.forEach(b -> mix.add(() -> BookingFixtures.action(user.token(), b, "cancel", "{}")));
        for (int i = 0; i < 4; i++) {
            mix.add(() -> WalletFixtures.withdraw(user.token(), WITHDRAWAL, "wave", phone));
        }
        ExecutorService pool = Executors.newFixedThreadPool(mix.size());
        List<Response> answers = new ArrayList<>();
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> task : mix) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<Response> payments = answers.subList(4, 7);
        List<Response> cancellations = answers.subList(7, 9);
        List<Response> withdrawals = answers.subList(9, 13);
        answers.subList(0, 4).forEach(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(200));
        cancellations.forEach(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(200));
        payments.forEach(r -> assertThat(r.statusCode()).as(r.asString()).isIn(201, 402));
        withdrawals.forEach(r -> assertThat(r.statusCode()).as(r.asString()).isIn(202, 402));
        long paid = payments.stream().filter(r -> r.statusCode() == 201).count();
        long withdrawn = withdrawals.stream().filter(r -> r.statusCode() == 202).count();
        for (Response withdrawal : withdrawals) {
            if (withdrawal.statusCode() == 202) {
                WalletFixtures.awaitStatus(withdrawal.jsonPath().getString("data.id"), Duration.ofSeconds(20), "done");
            }
        }

        long expected = before + 4L * TOPUP + 2L * PRICE - paid * PRICE - withdrawn * WITHDRAWAL;
        WalletFixtures.ledger(user.id()).assertConsistent();
        assertThat(BookingFixtures.balance(user.id())).isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(paid + withdrawn).as("the balance before covered at least the first debit").isPositive();
    }

    private static String book(WalletFixtures.User user) {
        TripRef trip = BookingFixtures.trip(3, true);
        return BookingFixtures.booked(user.token(), trip.id(), 1).getString("data.id");
    }
}

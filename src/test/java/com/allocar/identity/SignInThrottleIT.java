package com.allocar.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.platform.security.PasswordHasher;
import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.SmsStandIn;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guessing passwords from many addresses: 10 failed sign-ins for one identifier (however typed, from any
 * address) lock it for 15 minutes, 429 rate_limited with Retry-After, even for the right password; the lock is
 * audited and kept in PostgreSQL. The same holds for admin sign-in.
 */
class SignInThrottleIT {
    private static final String PASSWORD = "Right-pass-2026";

    @BeforeAll
    static void smsStandIn() {
        SmsStandIn.start();
    }

    /** Every request from a new address: the per-address budget must not be what stops the guessing. */
    private static Response login(String identifier, String password) {
        return Clients.anonymous().body(Clients.json(Map.of("identifier", identifier, "password", password)))
                .post("/api/v1/auth/login");
    }

    private static Response adminLogin(String email, String password) {
        return Clients.anonymous().body(Clients.json(Map.of("email", email, "password", password)))
                .post("/api/v1/admin/login");
    }

    private static String userWithPassword() {
        String phone = Accounts.newPhone();
        PhoneSignUpIT.register(phone, null);
        String access = PhoneSignUpIT.verify(phone, PhoneSignUpIT.codeSentTo(phone, 1)).getString("data.access_token");
        AccountTakeoverIT.setPassword(access, PASSWORD).then().statusCode(204);
        return phone;
    }

    private static long audits(String action, String identifier) {
        return Db.value(Long.class, "SELECT count(*) FROM audit_logs WHERE action = ? AND meta->>'identifier' = ?",
                action, identifier);
    }

    private static void assertLocked(Response response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.jsonPath().getString("error.code")).isEqualTo("rate_limited");
        assertThat(response.jsonPath().getString("error.details.scope")).isEqualTo("sign_in_lock");
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(15 * 60 - 60L, 15 * 60L);
    }

    @Test
    void tenFailuresFromAnyAddressLockTheIdentifierEvenForTheRightPassword() {
        String phone = userWithPassword();
        String local = "0" + phone.substring(5);
        for (int i = 0; i < 10; i++) {
            assertThat(login(i % 2 == 0 ? phone : local, "wrong-guess-" + i).statusCode()).isEqualTo(401);
        }
        assertLocked(login(phone, PASSWORD));
        assertLocked(login(local, "wrong-guess-again"));
        assertThat(audits("auth.sign_in_locked", PhoneNumbers.mask(phone))).isOne();
        assertThat(Db.value(Integer.class, "SELECT attempts FROM sign_in_throttle WHERE scope = 'user' AND identifier = ?",
                phone)).as("refused attempts are not counted").isEqualTo(10);

        Db.sql("UPDATE sign_in_throttle SET locked_until = now() - interval '1 second' WHERE identifier = ?", phone);
        assertThat(login(phone, PASSWORD).statusCode()).as("after the lock").isEqualTo(200);
        assertThat(Db.value(Long.class, "SELECT count(*) FROM sign_in_throttle WHERE identifier = ?", phone)).isZero();
    }

    @Test
    void aSuccessStartsTheCountAfresh() {
        String phone = userWithPassword();
        for (int i = 0; i < 9; i++) {
            login(phone, "wrong-guess-" + i).then().statusCode(401);
        }
        login(phone, PASSWORD).then().statusCode(200);
        login(phone, "wrong-guess-10").then().statusCode(401);
        assertThat(login(phone, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownIdentifiersAreLockedAlikeSoTheLockRevealsNothing() {
        String phone = Accounts.newPhone();
        for (int i = 0; i < 10; i++) {
            login(phone, "wrong-guess-" + i).then().statusCode(401);
        }
        assertLocked(login(phone, "wrong-guess-10"));
    }

    @Test
    void concurrentGuessesCannotGetPastTheLimit() throws Exception {
        String phone = userWithPassword();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<Integer>> guesses = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                String guess = "wrong-guess-" + i;
                guesses.add(threads.submit(() -> login(phone, guess).statusCode()));
            }
        } finally {
            threads.shutdown();
        }
        int checked = 0;
        for (Future<Integer> guess : guesses) {
            int status = guess.get();
            assertThat(status).isIn(401, 429);
            checked += status == 401 ? 1 : 0;
        }
        assertThat(checked).as("passwords checked").isEqualTo(10);
        assertLocked(login(phone, PASSWORD));
    }

    @Test
    void adminSignInIsThrottledAlike() {
        String email = "admin-" + UUID.randomUUID() + "@allocar.test";
        Db.sql("INSERT INTO admin_users (email, password_hash, role) VALUES (?, ?, 'support')", email,
                new PasswordHasher().hash(PASSWORD));
        for (int i = 0; i < 10; i++) {
            adminLogin(i % 2 == 0 ? email : email.toUpperCase(), "wrong-guess-" + i).then().statusCode(401);
        }
        assertLocked(adminLogin(email, PASSWORD));
        assertThat(audits("auth.sign_in_locked", email)).isOne();
        assertThat(login(email, "a-user-sign-in").statusCode()).as("the user scope is another one").isEqualTo(401);
    }

    @Test
    void anUnknownAdminAddressCostsAPasswordCheckToo() {
        String known = "admin-" + UUID.randomUUID() + "@allocar.test";
        Db.sql("INSERT INTO admin_users (email, password_hash, role) VALUES (?, ?, 'support')", known,
                new PasswordHasher().hash(PASSWORD));
        adminLogin(known, "warm-up").then().statusCode(401);
        adminLogin("nobody-" + UUID.randomUUID() + "@allocar.test", "warm-up").then().statusCode(401);
        long knownTime = medianMillis(() -> adminLogin(known, "wrong-" + UUID.randomUUID()));
        long unknownTime = medianMillis(() -> adminLogin("nobody-" + UUID.randomUUID() + "@allocar.test", "wrong"));
        // An Argon2id check (19 MiB, 2 passes) costs tens of milliseconds; without it the refusal takes a few.
        assertThat(unknownTime).as("unknown %d ms, known %d ms", unknownTime, knownTime).isGreaterThan(knownTime / 2);
    }

    private static long medianMillis(java.util.function.Supplier<Response> call) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            assertThat(call.get().statusCode()).isEqualTo(401);
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }
}

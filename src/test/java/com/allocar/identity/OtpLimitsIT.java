package com.allocar.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.SmsStandIn;
import com.allocar.testsupport.TestSchemas;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AUTH-4: codes are single use, expire, are stored hashed, and are limited to 3 sends and 3 guesses per 10 min. */
class OtpLimitsIT {

    @BeforeAll
    static void smsStandIn() {
        SmsStandIn.start();
    }

    private static Response verify(String phone, String code) {
        return Clients.anonymous().body(Clients.json(Map.of("phone", phone, "code", code))).post("/api/v1/auth/otp/verify");
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void threeWrongGuessesThenRateLimitedEvenWithTheRightCode() {
        String phone = Accounts.newPhone();
        PhoneSignUpIT.register(phone, null);
        String code = PhoneSignUpIT.codeSentTo(phone, 1);
        for (int i = 0; i < 3; i++) {
            Response guess = verify(phone, wrong(code));
            assertThat(guess.statusCode()).isEqualTo(400);
            assertThat(guess.jsonPath().getString("error.details.fields.code")).isEqualTo("is wrong");
        }
        Response locked = verify(phone, code);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.jsonPath().getString("error.code")).isEqualTo("rate_limited");
        assertThat(locked.header("Retry-After")).isNotBlank();
    }

    @Test
    void atMostThreeCodesPerTenMinutes() {
        String phone = Accounts.newPhone();
        PhoneSignUpIT.register(phone, null);
        for (int i = 0; i < 2; i++) {
            assertThat(Clients.anonymous().body(Clients.json(Map.of("phone", phone))).post("/api/v1/auth/otp/send").statusCode())
                    .isEqualTo(202);
        }
        Response fourth = Clients.anonymous().body(Clients.json(Map.of("phone", phone))).post("/api/v1/auth/otp/send");
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(fourth.header("Retry-After"))).isBetween(1, 600);
        PhoneSignUpIT.codeSentTo(phone, 3);
    }

    @Test
    void atMostFiveCodesPerNumberPerHour() {
        String phone = Accounts.newPhone();
        PhoneSignUpIT.register(phone, null);
        for (int i = 0; i < 2; i++) {
            Clients.anonymous().body(Clients.json(Map.of("phone", phone))).post("/api/v1/auth/otp/send").then().statusCode(202);
        }
        // three codes sent 11 minutes ago: out of the 10-minute window, still in the hour
        Db.sql("UPDATE otp_codes SET created_at = created_at - interval '11 minutes' WHERE target = ?", phone);
        for (int i = 0; i < 2; i++) {
            Clients.anonymous().body(Clients.json(Map.of("phone", phone))).post("/api/v1/auth/otp/send").then().statusCode(202);
        }
        Response sixth = Clients.anonymous().body(Clients.json(Map.of("phone", phone))).post("/api/v1/auth/otp/send");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.jsonPath().getString("error.code")).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(sixth.header("Retry-After"))).as("until the oldest code leaves the hour")
                .isBetween(48 * 60, 49 * 60 + 1);
        assertThat(Db.value(Long.class, "SELECT count(*) FROM otp_codes WHERE target = ?", phone)).isEqualTo(5L);
    }

    @Test
    void aCodeWorksOnce() {
        String phone = Accounts.newPhone();
        PhoneSignUpIT.register(phone, null);
        String code = PhoneSignUpIT.codeSentTo(phone, 1);
        assertThat(verify(phone, code).statusCode()).isEqualTo(200);
        Response replay = verify(phone, code);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.jsonPath().getString("error.details.fields.code")).contains("expired or was already used");
    }

    @Test
    void anExpiredCodeIsRefusedAndCodesAreStoredHashed() throws Exception {
        String phone = Accounts.newPhone();
        PhoneSignUpIT.register(phone, null);
        String code = PhoneSignUpIT.codeSentTo(phone, 1);
        try (Connection db = TestSchemas.connect("public");
             PreparedStatement age = db.prepareStatement(
                     "UPDATE otp_codes SET expires_at = now() - interval '1 second' WHERE target = ? RETURNING code_hash")) {
            age.setString(1, phone);
            try (var rows = age.executeQuery()) {
                rows.next();
                assertThat(rows.getString(1)).doesNotContain(code).hasSize(64);
            }
        }
        assertThat(verify(phone, code).statusCode()).isEqualTo(400);
    }

    @Test
    void unknownPhonesGetTheSameAnswerAndNoMessage() throws Exception {
        String phone = Accounts.newPhone();
        Response response = Clients.anonymous().body(Clients.json(Map.of("phone", phone))).post("/api/v1/auth/otp/send");
        assertThat(response.statusCode()).isEqualTo(202);
        try (Connection db = TestSchemas.connect("public");
             PreparedStatement queued = db.prepareStatement("SELECT count(*) FROM outbox_messages WHERE recipient = ?")) {
            queued.setString(1, phone);
            try (var rows = queued.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).as("nothing queued for an unknown phone").isZero();
            }
        }
    }
}

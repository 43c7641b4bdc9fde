package com.allocar.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.MailStandIn;
import com.allocar.testsupport.SmsStandIn;
import com.allocar.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registering first: anyone can register somebody else's phone number or address with a password of their
 * choosing. The first verification (by the owner, who alone receives the code) removes that password and ends
 * every session of the account; the owner then sets a password with PUT /me/password.
 */
class AccountTakeoverIT {
    private static final String ATTACKER_PASSWORD = "Attacker-chose-1";

    @BeforeAll
    static void standIns() {
        SmsStandIn.start();
        MailStandIn.start();
    }

    private static Response login(String identifier, String password) {
        return Clients.anonymous().body(Clients.json(Map.of("identifier", identifier, "password", password)))
                .post("/api/v1/auth/login");
    }

    static Response setPassword(String accessToken, String password) {
        return Clients.withToken(accessToken).body(Clients.json(Map.of("password", password))).put("/api/v1/me/password");
    }

    @Test
    void theOwnersVerificationOfAPhoneRemovesTheAttackersPasswordAndSessions() {
        String phone = Accounts.newPhone();
        Response registered = PhoneSignUpIT.register(phone, ATTACKER_PASSWORD);
        assertThat(registered.statusCode()).isEqualTo(201);
        UUID account = UUID.fromString(registered.jsonPath().getString("data.user.id"));
        String attackersRefresh = TestTokens.storeRefreshToken(account);

        JsonPath owner = PhoneSignUpIT.verify(phone, PhoneSignUpIT.codeSentTo(phone, 1));
        assertThat(owner.getBoolean("data.user.has_password")).isFalse();

        Response attacker = login(phone, ATTACKER_PASSWORD);
        assertThat(attacker.statusCode()).as("the password chosen before verification").isEqualTo(401);
        assertThat(PhoneSignUpIT.refresh(attackersRefresh).statusCode()).as("a session from before").isEqualTo(401);
        assertThat(Db.value(String.class, "SELECT password_hash FROM users WHERE id = ?", account)).isNull();

        String access = owner.getString("data.access_token");
        assertThat(setPassword(access, "Owner-sets-2026").statusCode()).isEqualTo(204);
        assertThat(login(phone, "Owner-sets-2026").statusCode()).isEqualTo(200);
        assertThat(PhoneSignUpIT.refresh(owner.getString("data.refresh_token")).statusCode())
                .as("the owner's own session lives on").isEqualTo(200);
        assertThat(Clients.withToken(access).get("/api/v1/me").jsonPath().getBoolean("data.has_password")).isTrue();
    }

    @Test
    void theOwnersVerificationOfAnAddressRemovesTheAttackersPassword() {
        String email = Accounts.newEmail();
        assertThat(Clients.anonymous().body(Clients.json(Map.of("email", email, "password", ATTACKER_PASSWORD)))
                .post("/api/v1/auth/register").statusCode()).isEqualTo(201);
        Matcher code = Pattern.compile("\\b(\\d{6})\\b")
                .matcher(MailStandIn.awaitMailTo(email, Duration.ofSeconds(20)).text());
        assertThat(code.find()).isTrue();
        Clients.anonymous().body(Clients.json(Map.of("email", email, "code", code.group(1))))
                .post("/api/v1/auth/otp/verify").then().statusCode(200);
        assertThat(login(email, ATTACKER_PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void aLaterVerificationKeepsThePasswordTheOwnerSet() {
        String phone = Accounts.newPhone();
        PhoneSignUpIT.register(phone, null);
        String access = PhoneSignUpIT.verify(phone, PhoneSignUpIT.codeSentTo(phone, 1)).getString("data.access_token");
        assertThat(setPassword(access, "Owner-sets-2026").statusCode()).isEqualTo(204);
        Clients.anonymous().body(Clients.json(Map.of("phone", phone))).post("/api/v1/auth/otp/send").then().statusCode(202);
        PhoneSignUpIT.verify(phone, PhoneSignUpIT.codeSentTo(phone, 2));
        assertThat(login(phone, "Owner-sets-2026").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordIsSetOnceHereAndMustBeLongEnough() {
        String phone = Accounts.newPhone();
        PhoneSignUpIT.register(phone, null);
        String access = PhoneSignUpIT.verify(phone, PhoneSignUpIT.codeSentTo(phone, 1)).getString("data.access_token");
        Response tooShort = setPassword(access, "short");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.jsonPath().getString("error.details.fields.password")).isNotBlank();
        assertThat(setPassword(access, "Owner-sets-2026").statusCode()).isEqualTo(204);
        Response again = setPassword(access, "Someone-else-2026");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.jsonPath().getString("error.details.reason")).isEqualTo("password_already_set");
        assertThat(login(phone, "Someone-else-2026").statusCode()).isEqualTo(401);
        assertThat(Clients.anonymous().body(Clients.json(Map.of("password", "Owner-sets-2026")))
                .put("/api/v1/me/password").statusCode()).isEqualTo(401);
    }
}

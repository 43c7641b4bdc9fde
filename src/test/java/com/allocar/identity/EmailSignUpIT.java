package com.allocar.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.MailStandIn;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Email sign-up (AUTH-1): password required, code by mail (GreenMail), then the password set again after the
 * verification (the sign-up's does not survive it) and sign-in by email.
 */
class EmailSignUpIT {

    @BeforeAll
    static void mailStandIn() {
        MailStandIn.start();
    }

    @Test
    void signUpByEmailVerifyAndSignIn() {
        String email = Accounts.newEmail();
        Response noPassword = Clients.anonymous().body(Clients.json(Map.of("email", email))).post("/api/v1/auth/register");
        assertThat(noPassword.statusCode()).isEqualTo(400);
        assertThat(noPassword.jsonPath().getString("error.details.fields.password")).isNotBlank();

        Response registered = Clients.anonymous().body(Clients.json(Map.of("email", email.toUpperCase(), "password", "Mail-Pass-2026")))
                .post("/api/v1/auth/register");
        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(registered.jsonPath().getString("data.user.email")).isEqualTo(email);

        MailStandIn.Mail mail = MailStandIn.awaitMailTo(email, Duration.ofSeconds(20));
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(mail.text());
        assertThat(code.find()).isTrue();
        JsonPath verified = Clients.anonymous().body(Clients.json(Map.of("email", email, "code", code.group(1))))
                .post("/api/v1/auth/otp/verify").then().statusCode(200).extract().jsonPath();
        assertThat(verified.getBoolean("data.user.is_email_verified")).isTrue();
        AccountTakeoverIT.setPassword(verified.getString("data.access_token"), "Mail-Pass-2026").then().statusCode(204);

        Clients.anonymous().body(Clients.json(Map.of("identifier", email, "password", "Mail-Pass-2026"))).post("/api/v1/auth/login")
                .then().statusCode(200);
        Response wrong = Clients.anonymous().body(Clients.json(Map.of("identifier", email, "password", "Wrong-Pass-2026")))
                .post("/api/v1/auth/login");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.jsonPath().getString("error.code")).isEqualTo("auth_required");
    }
}

package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.MailStandIn;
import com.allocar.testsupport.SmsStandIn;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbox worker of the running server, fed with rows written straight into outbox_messages, against the
 * SMS stand-in and the SMTP server scripts/test points it at. Each test uses its own phone number or address.
 */
class OutboxWorkerIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        SmsStandIn.start();
        MailStandIn.start();
    }

    @Test
    void smsIsPostedAsJsonWithTheBearerKeyAndSenderThenMarkedSent() throws Exception {
        String phone = Accounts.newPhone();
        String text = "AlloCar : votre code est 482913. Il expire dans 10 minutes — à bientôt !";
        UUID id = OutboxRows.insert("sms", phone, null, text);

        List<SmsStandIn.Sms> delivered = SmsStandIn.awaitDeliveredTo(phone, 1, WAIT);
        SmsStandIn.Sms sms = delivered.get(0);
        assertThat(sms.message()).isEqualTo(text);
        assertThat(sms.to()).isEqualTo(phone);
        assertThat(sms.sender()).isEqualTo(ItServer.env("SMS_SENDER", "AlloCar"));
        assertThat(sms.authorization()).isEqualTo("Bearer " + System.getenv("SMS_API_KEY"));
        assertThat(sms.contentType()).startsWith("application/json");

        OutboxRows.Row row = OutboxRows.awaitStatus(id, "sent", WAIT);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();
        assertThat(row.lastError()).isNull();
        assertThat(SmsStandIn.requestsTo(phone)).hasSize(1);
    }

    @Test
    void mailArrivesWithSubjectBodyAndSenderThenMarkedSent() throws Exception {
        String address = Accounts.newEmail();
        String subject = "Réservation confirmée — Abidjan → Yamoussoukro";
        String body = "Bonjour Aya,\n\nVotre place est réservée pour demain à 07:00.\nBon voyage avec AlloCar !";
        UUID id = OutboxRows.insert("email", address, subject, body);

        MailStandIn.Mail mail = MailStandIn.awaitMailTo(address, WAIT);
        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.text().replace("\r\n", "\n").strip()).isEqualTo(body);
        InternetAddress from = (InternetAddress) mail.message().getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@allocar.ci");
        assertThat(from.getPersonal()).isEqualTo("AlloCar");
        assertThat(mail.message().getContentType()).contains("text/plain").containsIgnoringCase("utf-8");

        OutboxRows.Row row = OutboxRows.awaitStatus(id, "sent", WAIT);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 429})
    void aRetryableAnswerIsRetriedAfterABackoff(int status) throws Exception {
        String phone = Accounts.newPhone();
        SmsStandIn.failNext(phone, 1, status);
        UUID id = OutboxRows.insert("sms", phone, null, "Votre trajet part dans une heure.");

        OutboxRows.Row row = OutboxRows.awaitStatus(id, "sent", WAIT);
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(row.lastError()).contains(Integer.toString(status)).doesNotContain("trajet");

        List<SmsStandIn.Sms> requests = SmsStandIn.requestsTo(phone);
        assertThat(requests).extracting(SmsStandIn.Sms::status).containsExactly(status, 200);
        assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()))
                .as("first backoff is 2 s").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aPermanentRefusalFailsAtOnceWithTheReason() throws Exception {
        String phone = Accounts.newPhone();
        SmsStandIn.failNext(phone, 1, 400);
        UUID id = OutboxRows.insert("sms", phone, null, "Code secret 771204");

        OutboxRows.Row row = OutboxRows.awaitStatus(id, "failed", WAIT);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).contains("400").doesNotContain("771204");
        assertThat(row.sentAt()).isNull();
        assertThat(SmsStandIn.requestsTo(phone)).hasSize(1);
    }

    @Test
    void theLastAllowedAttemptFailingEndsTheMessage() throws Exception {
        int maxAttempts = Integer.parseInt(ItServer.env("ALLOCAR_OUTBOX_MAX_ATTEMPTS", "8"));
        String phone = Accounts.newPhone();
        SmsStandIn.failNext(phone, 1, 503);
        UUID id = OutboxRows.insert("sms", phone, null, "Rappel", "pending", maxAttempts - 1, "now()");

        OutboxRows.Row row = OutboxRows.awaitStatus(id, "failed", WAIT);
        assertThat(row.attempts()).isEqualTo(maxAttempts);
        assertThat(row.lastError()).contains("503");
        assertThat(SmsStandIn.requestsTo(phone)).hasSize(1);
    }

    @Test
    void aClaimLeftBehindByACrashIsTakenOverButALiveClaimIsNot() throws Exception {
        String abandoned = Accounts.newPhone();
        String inFlight = Accounts.newPhone();
        UUID live = OutboxRows.insert("sms", inFlight, null, "Claimed a moment ago", "sending", 1,
                "now() + interval '5 minutes'");
        UUID expired = OutboxRows.insert("sms", abandoned, null, "Claimed by a server that died", "sending", 1,
                "now() - interval '1 second'");

        assertThat(SmsStandIn.awaitMessageTo(abandoned, WAIT)).isEqualTo("Claimed by a server that died");
        OutboxRows.Row row = OutboxRows.awaitStatus(expired, "sent", WAIT);
        assertThat(row.attempts()).isEqualTo(2);

        OutboxRows.Row untouched = OutboxRows.find(live);
        assertThat(untouched.status()).isEqualTo("sending");
        assertThat(untouched.attempts()).isEqualTo(1);
        assertThat(SmsStandIn.requestsTo(inFlight)).isEmpty();
    }

    @Test
    void aRecipientThatIsNoPhoneNumberFailsWithoutARequest() throws Exception {
        String notAPhone = Accounts.newEmail();
        UUID id = OutboxRows.insert("sms", notAPhone, null, "Bon voyage");

        OutboxRows.Row row = OutboxRows.awaitStatus(id, "failed", WAIT);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).contains("E.164");
    }
}

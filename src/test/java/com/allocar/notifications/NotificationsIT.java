package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.MailStandIn;
import com.allocar.testsupport.SmsStandIn;
import io.restassured.response.Response;
import jakarta.json.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Notifications} through its conformance probe: a message queued in a transaction is delivered once
 * the transaction commits and never exists if it rolls back.
 */
class NotificationsIT {
    private static final String PROBE = "/api/v1/_probes/notifications";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeAll
    static void standIns() {
        SmsStandIn.start();
        MailStandIn.start();
    }

    private static Response queue(Map<String, Object> probe) {
        return Clients.anonymous().body(Json.createObjectBuilder(probe).build().toString()).post(PROBE);
    }

    @Test
    void anSmsQueuedByACommittedTransactionIsDelivered() {
        String phone = Accounts.newPhone();
        Response response = queue(Map.of("channel", "sms", "to", phone, "text", "Votre code AlloCar : 650122"));
        assertThat(response.statusCode()).isEqualTo(202);

        assertThat(SmsStandIn.awaitMessageTo(phone, WAIT)).isEqualTo("Votre code AlloCar : 650122");
    }

    @Test
    void aMailQueuedByACommittedTransactionIsDelivered() {
        String address = Accounts.newEmail();
        Response response = queue(Map.of("channel", "email", "to", address, "subject", "Bienvenue",
                "text", "Bienvenue sur AlloCar."));
        assertThat(response.statusCode()).isEqualTo(202);

        MailStandIn.Mail mail = MailStandIn.awaitMailTo(address, WAIT);
        assertThat(mail.subject()).isEqualTo("Bienvenue");
        assertThat(mail.text().strip()).isEqualTo("Bienvenue sur AlloCar.");
    }

    @Test
    void aNotificationRolledBackWithItsTransactionIsNeverWritten() throws Exception {
        String phone = Accounts.newPhone();
        Response response = queue(Map.of("channel", "sms", "to", phone, "text", "never", "rollback", true));
        assertThat(response.statusCode()).isEqualTo(409);

        assertThat(OutboxRows.countFor(phone)).isZero();
        assertThat(SmsStandIn.requestsTo(phone)).isEmpty();
    }
}

package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.SmsStandIn;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verification codes do not stay in the outbox: the message that carries one is marked sensitive when it is
 * queued, and its text is erased once it is sent or given up. Other messages keep theirs.
 */
class OutboxSecretsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        SmsStandIn.start();
    }

    private static void register(String phone) {
        Clients.anonymous().body(Clients.json(Map.of("phone", phone, "first_name", "Awa")))
                .post("/api/v1/auth/register").then().statusCode(201);
    }

    private static UUID rowTo(String phone) {
        return Db.id("SELECT id FROM outbox_messages WHERE recipient = ?", phone);
    }

    @Test
    void theCodeIsErasedFromTheOutboxOnceTheSmsIsSent() {
        String phone = Accounts.newPhone();
        register(phone);

        Matcher code = CODE.matcher(SmsStandIn.awaitMessageTo(phone, WAIT));
        assertThat(code.find()).isTrue();
        UUID id = rowTo(phone);
        OutboxRows.awaitStatus(id, "sent", WAIT);

        assertThat(Db.value(Boolean.class, "SELECT sensitive FROM outbox_messages WHERE id = ?", id)).isTrue();
        assertThat(Db.value(String.class, "SELECT body FROM outbox_messages WHERE id = ?", id)).isNull();
        assertThat(Db.value(Long.class, "SELECT count(*) FROM outbox_messages WHERE body LIKE ?", "%" + code.group(1) + "%"))
                .as("no outbox row holds the code").isZero();
    }

    @Test
    void theCodeIsErasedWhenTheSmsIsGivenUp() {
        String phone = Accounts.newPhone();
        SmsStandIn.failNext(phone, 1, 400);
        register(phone);

        UUID id = rowTo(phone);
        OutboxRows.Row failed = OutboxRows.awaitStatus(id, "failed", WAIT);

        assertThat(failed.lastError()).isEqualTo("SMS API answered HTTP 400");
        assertThat(Db.value(String.class, "SELECT body FROM outbox_messages WHERE id = ?", id)).isNull();
    }

    @Test
    void aMessageWithoutSecretKeepsItsText() {
        String phone = Accounts.newPhone();
        Clients.anonymous().body(Clients.json(Map.of("channel", "sms", "to", phone, "text", "Bon voyage avec AlloCar")))
                .post("/api/v1/_probes/notifications").then().statusCode(202);

        UUID id = rowTo(phone);
        OutboxRows.awaitStatus(id, "sent", WAIT);

        assertThat(Db.value(Boolean.class, "SELECT sensitive FROM outbox_messages WHERE id = ?", id)).isFalse();
        assertThat(Db.value(String.class, "SELECT body FROM outbox_messages WHERE id = ?", id))
                .isEqualTo("Bon voyage avec AlloCar");
    }

    @Test
    void theDatabaseRefusesASettledSecretThatStillHoldsItsText() {
        String phone = Accounts.newPhone();
        assertThatThrownBy(() -> Db.sql("INSERT INTO outbox_messages (channel, recipient, body, sensitive, status) "
                + "VALUES ('sms', ?, 'code 123456', true, 'sent')", phone))
                .rootCause().hasMessageContaining("violates check constraint \"ck_outbox_messages_sensitive_erased\"");
    }
}

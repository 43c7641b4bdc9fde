package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.deployment.DeploymentEnvironment;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailSenderTest {

    private static MailSender logMode() {
        return withoutHost(DeploymentEnvironment.development);
    }

    private static MailSender withoutHost(DeploymentEnvironment environment) {
        MailSender sender = new MailSender();
        sender.environment = environment;
        sender.host = Optional.empty();
        sender.port = 587;
        sender.user = Optional.empty();
        sender.password = Optional.empty();
        sender.from = "AlloCar <no-reply@allocar.ci>";
        sender.startTls = true;
        sender.init();
        return sender;
    }

    @Test
    void sessionRequiresStartTlsAndHasTimeouts() {
        Properties properties = MailSender.sessionProperties("smtp.example.ci", 587, true, true);
        assertThat(properties).containsEntry("mail.smtp.host", "smtp.example.ci")
                .containsEntry("mail.smtp.port", "587")
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.connectiontimeout", "5000")
                .containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000");
    }

    @Test
    void plainSmtpWithoutAuthenticationWhenAsked() {
        Properties properties = MailSender.sessionProperties("127.0.0.1", 2525, false, false);
        assertThat(properties).containsEntry("mail.smtp.auth", "false").doesNotContainKey("mail.smtp.starttls.enable");
    }

    @Test
    void withoutAnSmtpHostTheMailGoesToTheLog() throws Exception {
        MailSender sender = logMode();
        assertThat(sender.mode()).isEqualTo(DeliveryMode.log);
        try (LogCapture log = new LogCapture(MailSender.class)) {
            sender.send("awa.traore@example.ci", "Bienvenue", "Bonjour Awa,\nbienvenue sur AlloCar.");
            assertThat(log.messages()).singleElement().asString()
                    .startsWith("INFO development: not sent")
                    .contains("a***@example.ci")
                    .contains("Bienvenue")
                    .contains("bienvenue sur AlloCar.")
                    .doesNotContain("awa.traore");
        }
    }

    @Test
    void anUnparsableRecipientIsAPermanentFailure() {
        assertThatThrownBy(() -> logMode().send("not an address", "s", "t"))
                .isInstanceOf(DeliveryException.class)
                .matches(e -> ((DeliveryException) e).isPermanent());
    }

    @Test
    void aBadSenderAddressStopsTheStart() {
        MailSender sender = new MailSender();
        sender.host = Optional.empty();
        sender.from = "AlloCar <no-reply@>";
        assertThatThrownBy(sender::init).isInstanceOf(IllegalStateException.class).hasMessageContaining("SMTP_FROM");
    }

    @Test
    void inProductionWithoutAnSmtpHostTheMailFailsAndItsBodyNeverReachesTheLog() throws Exception {
        MailSender sender = withoutHost(DeploymentEnvironment.production);
        assertThat(sender.mode()).isEqualTo(DeliveryMode.none);
        try (LogCapture log = new LogCapture(MailSender.class)) {
            assertThatThrownBy(() -> sender.send("awa.traore@example.ci", "Votre code", "Code : 123456"))
                    .isInstanceOf(DeliveryException.class)
                    .hasMessage("SMTP_HOST is not set: in production messages are neither sent nor logged")
                    .matches(e -> ((DeliveryException) e).isPermanent());
            assertThat(log.messages()).noneMatch(line -> line.contains("123456"));
        }
    }
}

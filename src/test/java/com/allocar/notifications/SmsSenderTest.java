package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.deployment.DeploymentEnvironment;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmsSenderTest {

    private static SmsSender withoutApiUrl(DeploymentEnvironment environment) {
        SmsSender sender = new SmsSender();
        sender.apiUrl = Optional.empty();
        sender.apiKey = Optional.empty();
        sender.sender = "AlloCar";
        sender.environment = environment;
        sender.init();
        return sender;
    }

    private static SmsSender logMode() {
        return withoutApiUrl(DeploymentEnvironment.development);
    }

    @Test
    void successIsNoFailure() {
        assertThat(SmsSender.failureFor(200)).isNull();
        assertThat(SmsSender.failureFor(202)).isNull();
    }

    @Test
    void clientErrorsArePermanentExceptTimeoutAndThrottling() {
        assertThat(SmsSender.failureFor(400).isPermanent()).isTrue();
        assertThat(SmsSender.failureFor(401).isPermanent()).isTrue();
        assertThat(SmsSender.failureFor(422).isPermanent()).isTrue();
        assertThat(SmsSender.failureFor(408).isPermanent()).isFalse();
        assertThat(SmsSender.failureFor(429).isPermanent()).isFalse();
    }

    @Test
    void serverErrorsAreRetried() {
        assertThat(SmsSender.failureFor(500).isPermanent()).isFalse();
        assertThat(SmsSender.failureFor(503).isPermanent()).isFalse();
        assertThat(SmsSender.failureFor(503).getMessage()).isEqualTo("SMS API answered HTTP 503");
    }

    @Test
    void withoutAnApiUrlTheTextGoesToTheLogWithAMaskedNumber() throws Exception {
        SmsSender sender = logMode();
        assertThat(sender.mode()).isEqualTo(DeliveryMode.log);
        try (LogCapture log = new LogCapture(SmsSender.class)) {
            sender.send("+2250701234567", "Votre code AlloCar : 123456");
            assertThat(log.messages()).singleElement().asString()
                    .startsWith("INFO development: not sent")
                    .contains("+**********567")
                    .contains("Votre code AlloCar : 123456")
                    .doesNotContain("0701234");
        }
    }

    @Test
    void aRecipientThatIsNoPhoneNumberIsAPermanentFailure() {
        assertThatThrownBy(() -> logMode().send("0701234567", "x"))
                .isInstanceOf(DeliveryException.class)
                .matches(e -> ((DeliveryException) e).isPermanent());
    }

    @Test
    void inProductionWithoutAnApiUrlTheSmsFailsAndItsTextNeverReachesTheLog() throws Exception {
        SmsSender sender = withoutApiUrl(DeploymentEnvironment.production);
        assertThat(sender.mode()).isEqualTo(DeliveryMode.none);
        assertThat(sender.target()).startsWith("nowhere");
        try (LogCapture log = new LogCapture(SmsSender.class)) {
            assertThatThrownBy(() -> sender.send("+2250701234567", "Votre code AlloCar : 123456"))
                    .isInstanceOf(DeliveryException.class)
                    .hasMessage("SMS_API_URL is not set: in production messages are neither sent nor logged")
                    .matches(e -> ((DeliveryException) e).isPermanent());
            assertThat(log.messages()).noneMatch(line -> line.contains("123456"));
        }
    }
}

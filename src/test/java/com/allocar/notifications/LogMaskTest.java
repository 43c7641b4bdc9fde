package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogMaskTest {

    @Test
    void phoneNumbersShowOnlyTheirLastThreeDigits() {
        assertThat(LogMask.phone("+2250701234567")).isEqualTo("+**********567");
        assertThat(LogMask.phone("+33612345678")).isEqualTo("+********678");
        assertThat(LogMask.phone("07 01 23 45 67")).isEqualTo("** ** ** *5 67");
    }

    @Test
    void shortOrMissingNumbersShowNothing() {
        assertThat(LogMask.phone("12345")).isEqualTo("*****");
        assertThat(LogMask.phone("")).isEmpty();
        assertThat(LogMask.phone(null)).isEqualTo("(none)");
    }

    @Test
    void somethingElseInPlaceOfANumberIsHiddenWhole() {
        assertThat(LogMask.phone("awa.traore@example.ci")).isEqualTo("***");
        assertThat(LogMask.recipient(OutboxChannel.sms, "call me 0701234567")).isEqualTo("***");
    }

    @Test
    void mailAddressesShowTheirFirstLetterAndDomain() {
        assertThat(LogMask.email("awa.traore@example.ci")).isEqualTo("a***@example.ci");
        assertThat(LogMask.email("not-an-address")).isEqualTo("***");
        assertThat(LogMask.email(null)).isEqualTo("(none)");
    }

    @Test
    void recipientsAreMaskedByChannel() {
        assertThat(LogMask.recipient(OutboxChannel.sms, "+2250701234567")).isEqualTo("+**********567");
        assertThat(LogMask.recipient(OutboxChannel.email, "moussa@allocar.ci")).isEqualTo("m***@allocar.ci");
        assertThat(new ClaimedMessage(null, OutboxChannel.sms, "+2250701234567", null, "secret 123456", 1).toString())
                .contains("+**********567").doesNotContain("secret").doesNotContain("0701234");
    }
}

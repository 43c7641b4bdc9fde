package com.allocar.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ValidationException;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void ivorianNumbersInAnyUsualForm() {
        assertThat(PhoneNumbers.normalize("+2250700000001", "phone")).isEqualTo("+2250700000001");
        assertThat(PhoneNumbers.normalize("07 00 00 00 01", "phone")).isEqualTo("+2250700000001");
        assertThat(PhoneNumbers.normalize("+225 05 01 02 03 04", "phone")).isEqualTo("+2250501020304");
    }

    @Test
    void otherCountriesAreAccepted() {
        assertThat(PhoneNumbers.normalize("+221 77 123 45 67", "phone")).isEqualTo("+221771234567");
    }

    @Test
    void invalidNumbersAreValidationErrorsOnTheirField() {
        assertThatThrownBy(() -> PhoneNumbers.normalize("+225123", "phone")).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).details()).containsKey("fields"));
        assertThatThrownBy(() -> PhoneNumbers.normalize("not a phone", "phone")).isInstanceOf(ValidationException.class);
    }

    @Test
    void maskKeepsCountryAndLastDigits() {
        assertThat(PhoneNumbers.mask("+2250700000123")).isEqualTo("+225*******123");
    }
}

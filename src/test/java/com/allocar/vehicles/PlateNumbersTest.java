package com.allocar.vehicles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlateNumbersTest {

    @Test
    void usualWritingsOfOnePlateGiveOneNormalForm() {
        assertThat(PlateNumbers.normalize("ab-123-cd")).isEqualTo("AB123CD");
        assertThat(PlateNumbers.normalize("AB 123 CD")).isEqualTo("AB123CD");
        assertThat(PlateNumbers.normalize(" ab.123.Cd ")).isEqualTo("AB123CD");
        assertThat(PlateNumbers.normalize("1234-AB-01")).isEqualTo("1234AB01");
        assertThat(PlateNumbers.normalize("1234 - ab\t01")).isEqualTo("1234AB01");
    }

    @Test
    void fourToTwelveCharactersAfterNormalisation() {
        assertThat(PlateNumbers.normalize("a-b-1-2")).isEqualTo("AB12");
        assertThat(PlateNumbers.normalize("ABCDEF-123456")).isEqualTo("ABCDEF123456");
    }

    @ParameterizedTest
    @SuppressWarnings("unchecked")
    @ValueSource(strings = {"", "   ", "AB1", "A-B-1", "ABCDEF1234567", "AB_123_CD", "AB/123", "ÉCOLE12", "AB123CD!",
            "ß1234", "１２３４AB"})
    void otherTextIsAValidationErrorOnPlateNumber(String raw) {
        assertThatThrownBy(() -> PlateNumbers.normalize(raw)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat((Map<String, Object>) ((ValidationException) e).details().get("fields"))
                        .containsKey("plate_number"));
    }

    @Test
    void missingIsAValidationErrorToo() {
        assertThatThrownBy(() -> PlateNumbers.normalize(null)).isInstanceOf(ValidationException.class);
    }
}

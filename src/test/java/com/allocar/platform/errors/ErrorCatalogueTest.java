package com.allocar.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/errors.md is the published catalogue: it must list every code with its HTTP status. */
class ErrorCatalogueTest {

    @Test
    void everyCodeIsDocumentedWithItsStatus() throws Exception {
        String doc = Files.readString(Path.of("docs/errors.md"));
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(doc).as(code.name()).containsPattern("\\| `" + code.name() + "` \\| " + code.status() + " \\|");
        }
    }

    @Test
    void snakeCaseOfJavaNames() {
        assertThat(ConstraintViolations.snakeCase("firstName")).isEqualTo("first_name");
        assertThat(ConstraintViolations.snakeCase("pricePerSeat")).isEqualTo("price_per_seat");
        assertThat(ConstraintViolations.snakeCase("seats")).isEqualTo("seats");
    }

    @Test
    void serverStatusesMapToTheirCodes() {
        assertThat(ErrorCode.forStatus(404)).isEqualTo(ErrorCode.not_found);
        assertThat(ErrorCode.forStatus(405)).isEqualTo(ErrorCode.method_not_allowed);
        assertThat(ErrorCode.forStatus(415)).isEqualTo(ErrorCode.unsupported_media_type);
        assertThat(ErrorCode.forStatus(502)).isEqualTo(ErrorCode.internal_error);
        assertThat(ErrorCode.forStatus(418)).isEqualTo(ErrorCode.validation_error);
        for (ErrorCode code : new ErrorCode[]{ErrorCode.not_found, ErrorCode.rate_limited, ErrorCode.service_unavailable}) {
            assertThat(ErrorCode.forStatus(code.status())).isEqualTo(code);
        }
    }
}

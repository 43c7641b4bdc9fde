package com.allocar.messaging;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /bookings/{id}/messages/uploads}: the media type of the image the app will upload. */
public record ChatUploadRequest(
        @NotNull @Pattern(regexp = "image/jpeg|image/png|image/webp", message = "must be image/jpeg, image/png or image/webp")
        @Schema(enumeration = {"image/jpeg", "image/png", "image/webp"})
        String contentType) {
}

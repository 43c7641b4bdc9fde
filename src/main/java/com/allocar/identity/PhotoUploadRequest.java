package com.allocar.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /me/photo}: the media type of the photo the app will upload. */
public record PhotoUploadRequest(
        @NotNull @Pattern(regexp = "image/jpeg|image/png|image/webp", message = "must be image/jpeg, image/png or image/webp")
        @Schema(enumeration = {"image/jpeg", "image/png", "image/webp"})
        String contentType) {
}

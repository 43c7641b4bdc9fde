package com.allocar.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /me/kyc}: which document, its number, and the media types of the images the app will upload. */
public record KycSubmission(
        @NotNull KycDocType docType,
        @NotNull @Size(min = 3, max = 40)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ./-]*", message = "letters, digits, spaces, '.', '/' and '-' only")
        String docNumber,
        @NotNull @Pattern(regexp = IMAGE_TYPES, message = MESSAGE)
        @Schema(enumeration = {"image/jpeg", "image/png", "application/pdf"})
        String frontContentType,
        @Pattern(regexp = IMAGE_TYPES, message = MESSAGE)
        @Schema(enumeration = {"image/jpeg", "image/png", "application/pdf"},
                description = "Only when the document has a back side to upload")
        String backContentType) {

    /** The number is checked and kept without its surrounding white space. */
    public KycSubmission {
        docNumber = docNumber == null ? null : docNumber.strip();
    }

    static final String IMAGE_TYPES = "image/jpeg|image/png|application/pdf";
    static final String MESSAGE = "must be image/jpeg, image/png or application/pdf";
}

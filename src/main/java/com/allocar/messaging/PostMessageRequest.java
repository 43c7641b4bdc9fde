package com.allocar.messaging;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /bookings/{id}/messages}: a text ({@code type} text, {@code text}) or an image uploaded before through
 * {@code POST /bookings/{id}/messages/uploads} ({@code type} image, {@code upload_key}).
 */
public record PostMessageRequest(
        @NotNull @Pattern(regexp = "text|image", message = "must be text or image")
        @Schema(enumeration = {"text", "image"}) String type,
        @Schema(description = "For a text: 1 to " + MessageService.MAX_TEXT + " characters (Unicode code points) once "
                + "the white space around it is removed; line breaks and tabs are the only control characters kept",
                minLength = 1, maxLength = MessageService.MAX_TEXT, example = "Je suis devant la pharmacie.")
        String text,
        @Size(max = 200) @Schema(description = "For an image: the upload_key answered by the upload")
        String uploadKey) {

    public PostMessageRequest {
        text = text == null ? null : text.strip();
    }

    public MessageType messageType() {
        return MessageType.valueOf(type);
    }
}

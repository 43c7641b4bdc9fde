package com.allocar.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /auth/social/{provider}}: the provider's ID token, and the names Apple gives the app only once. */
public record SocialSignInRequest(
        @Schema(description = "The ID token (a JWT) the app received from Google or Apple", required = true)
        @NotBlank @Size(max = 8192) String idToken,
        @Schema(description = "Used for a new account when the token carries no name (Apple sends the name to the "
                + "app on the first authorisation only)")
        @Size(max = 80) String firstName,
        @Schema(description = "As first_name")
        @Size(max = 80) String lastName) {
}

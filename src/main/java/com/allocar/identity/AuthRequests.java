package com.allocar.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the /auth routes. */
public final class AuthRequests {
    private AuthRequests() {
    }

    public record Login(@NotBlank @Size(max = 254) String identifier, @NotBlank @Size(max = 128) String password) {
    }

    public record Refresh(@NotBlank @Size(max = 128) String refreshToken) {
    }

    /** Exactly one of phone or email. */
    public record OtpSend(@Size(max = 32) String phone, @Email @Size(max = 254) String email) {
    }

    public record OtpVerify(@Size(max = 32) String phone, @Email @Size(max = 254) String email,
                            @NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6 digits received") String code) {
    }

    /** {@code PUT /me/password}: the password of an account that has none. */
    public record SetPassword(@NotBlank @Size(min = 8, max = 128, message = "must be 8 to 128 characters") String password) {
    }
}

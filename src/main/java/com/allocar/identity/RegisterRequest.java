package com.allocar.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /auth/register}: a phone number (E.164, +225 numbers may be written locally) or an email, and optionally
 * the referral code of the user who invited this one.
 */
public record RegisterRequest(@Size(max = 32) String phone,
                              @Email @Size(max = 254) String email,
                              @Size(min = 8, max = 128, message = "must be 8 to 128 characters") String password,
                              @Size(max = 80) String firstName,
                              @Size(max = 80) String lastName,
                              @Pattern(regexp = REFERRAL_CODE, message = "must be 4 to 16 letters or digits")
                              @Schema(description = "The referral code of the user who invited this one (REF-1); "
                                      + "needs the X-Device-Id header") String referralCode) {
    /** A referral code as users type it (case does not matter). */
    public static final String REFERRAL_CODE = "^[A-Za-z0-9]{4,16}$";
}

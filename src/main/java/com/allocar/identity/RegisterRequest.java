package com.allocar.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/register}: a phone number (E.164, +225 numbers may be written locally) or an email. */
public record RegisterRequest(@Size(max = 32) String phone,
                              @Email @Size(max = 254) String email,
                              @Size(min = 8, max = 128, message = "must be 8 to 128 characters") String password,
                              @Size(max = 80) String firstName,
                              @Size(max = 80) String lastName) {
}

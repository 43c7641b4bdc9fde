package com.allocar.identity;

import java.util.Locale;

/**
 * What a verified provider ID token says about its holder.
 *
 * @param email         as the provider sent it, lowercased; null when the token carries none
 * @param emailVerified the provider vouches for the address ({@code email_verified} true, or "true" as Apple
 *                      sometimes sends it)
 * @param firstName     {@code given_name} when the provider sends one (Google), else null
 * @param lastName      {@code family_name} likewise
 */
public record SocialIdentity(SocialProvider provider, String subject, String email, boolean emailVerified,
                             String firstName, String lastName) {
    public SocialIdentity {
        email = email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
        firstName = blankToNull(firstName);
        lastName = blankToNull(lastName);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

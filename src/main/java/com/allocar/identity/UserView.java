package com.allocar.identity;

import com.allocar.platform.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A user's own profile, as {@code GET /me} and the sign-in responses return it ({@code language}: the one
 * notifications are written in, {@code fr} or {@code en}).
 */
public record UserView(UUID id, String phone, String email, String firstName, String lastName, Gender gender,
                       LocalDate birthdate, String photoUrl, boolean isDriver, boolean isPhoneVerified,
                       boolean isEmailVerified, boolean hasPassword, BigDecimal ratingAvg, int ratingCount, UserStatus status,
                       String referralCode, Map<String, Object> preferences, Instant createdAt, String language) {

    @SuppressWarnings("unchecked")
    public static UserView of(User user) {
        Map<String, Object> preferences = user.getPreferences() == null ? Map.of()
                : Json.JSONB.fromJson(user.getPreferences(), Map.class);
        return new UserView(user.getId(), user.getPhone(), user.getEmail(), user.getFirstName(), user.getLastName(),
                user.getGender(), user.getBirthdate(), user.getPhotoUrl(), user.isDriver(), user.isPhoneVerified(),
                user.isEmailVerified(), user.getPasswordHash() != null, user.getRatingAvg(), user.getRatingCount(), user.getStatus(),
                user.getReferralCode(), preferences, user.getCreatedAt(), user.getLanguage());
    }
}

package com.allocar.identity;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** A user's own profile (AUTH-6). */
@ApplicationScoped
public class ProfileService {
    private static final int MIN_AGE = 16;

    @Inject
    UserDirectory users;
    @Inject
    AuditService audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView view(UUID userId) {
        return UserView.of(load(userId));
    }

    @Transactional
    public UserView update(UUID userId, ProfileUpdate change) {
        User user = load(userId);
        if (change.firstName() != null) {
            user.setFirstName(change.firstName().isBlank() ? null : change.firstName().trim());
        }
        if (change.lastName() != null) {
            user.setLastName(change.lastName().isBlank() ? null : change.lastName().trim());
        }
        if (change.gender() != null) {
            user.setGender(change.gender());
        }
        if (change.birthdate() != null) {
            if (change.birthdate().isAfter(LocalDate.now().minusYears(MIN_AGE))) {
                throw ValidationException.field("birthdate", "users must be at least " + MIN_AGE + " years old");
            }
            user.setBirthdate(change.birthdate());
        }
        if (change.preferences() != null) {
            user.setPreferences(Json.write(change.preferences()));
        }
        if (change.language() != null) {
            user.setLanguage(change.language());
        }
        audit.record(ActorType.user, userId, "user.profile_update", "users", userId, Map.of());
        return UserView.of(user);
    }

    private User load(UUID userId) {
        return users.byId(userId).orElseThrow(() -> new NotFoundException("No such user."));
    }
}

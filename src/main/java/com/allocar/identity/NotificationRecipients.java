package com.allocar.identity;

import com.allocar.notifications.Recipients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells notifications how to reach a user: the phone number and address they proved (an unproved one may be
 * someone else's), their language, and whether the account is active.
 */
@ApplicationScoped
public class NotificationRecipients implements Recipients {
    @Inject
    UserDirectory users;

    @Override
    public Optional<Recipient> find(UUID userId) {
        return users.byId(userId).map(user -> new Recipient(user.isPhoneVerified() ? user.getPhone() : null,
                user.isEmailVerified() ? user.getEmail() : null, user.getLanguage(),
                user.getStatus() == UserStatus.active));
    }
}

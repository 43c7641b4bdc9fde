package com.allocar.identity;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.AuthRequiredException;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.ForbiddenException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.security.Hashes;
import com.allocar.platform.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Sign-up, sign-in and verification of users (AUTH-1, AUTH-2, AUTH-4). */
@ApplicationScoped
public class AuthService {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    @Inject
    UserDirectory users;
    @Inject
    PasswordHasher passwords;
    @Inject
    OtpService otps;
    @Inject
    Sessions sessions;
    @Inject
    AccessTokens accessTokens;
    @Inject
    AuditService audit;
    @Inject
    SignInThrottle throttle;
    @Inject
    UserDevices devices;
    @Inject
    Event<UserSignedUp> signedUp;

    /** What registering answers: the new account, and where its verification code went. */
    public record Registered(UserView user, String verificationChannel, String sentTo) {
    }

    /**
     * @param deviceId the app install's {@value UserDevices#HEADER}, or null; required with a referral code, so
     *                 that self-referral from one phone can be told
     */
    @Transactional
    public Registered register(RegisterRequest request, String deviceId) {
        boolean byPhone = request.phone() != null && !request.phone().isBlank();
        boolean byEmail = request.email() != null && !request.email().isBlank();
        if (byPhone == byEmail) {
            throw ValidationException.fields(Map.of("phone", "give a phone number or an email address, not both",
                    "email", "give a phone number or an email address, not both"));
        }
        if (byEmail && request.password() == null) {
            throw ValidationException.field("password", "is required to sign up with an email address");
        }
        String phone = byPhone ? PhoneNumbers.normalize(request.phone(), "phone") : null;
        String email = byEmail ? request.email().trim().toLowerCase(Locale.ROOT) : null;
        if ((phone != null && users.byPhone(phone).isPresent()) || (email != null && users.byEmail(email).isPresent())) {
            throw new ConflictException("An account already exists for this " + (byPhone ? "phone number." : "email address."),
                    Map.of("field", byPhone ? "phone" : "email"));
        }
        User user = new User(phone, email, request.password() == null ? null : passwords.hash(request.password()));
        user.setFirstName(trimmed(request.firstName()));
        user.setLastName(trimmed(request.lastName()));
        user.setReferralCode(newReferralCode());
        em.persist(user);
        em.flush();
        devices.seen(user.getId(), deviceId);
        signedUp.fire(new UserSignedUp(user.getId(), request.referralCode(), deviceId));
        otps.send(byPhone ? phone : email, byPhone ? OtpPurpose.verify_phone : OtpPurpose.verify_email);
        audit.record(ActorType.user, user.getId(), "user.register", "users", user.getId(),
                Map.of("channel", byPhone ? "phone" : "email"));
        return new Registered(UserView.of(user), byPhone ? "sms" : "email",
                byPhone ? PhoneNumbers.mask(phone) : email);
    }

    /** Sends a new code to an existing account; unknown targets are answered the same way, silently. */
    @Transactional
    public String resendCode(String target, boolean phone) {
        boolean exists = phone ? users.byPhone(target).isPresent() : users.byEmail(target).isPresent();
        if (exists) {
            otps.send(target, phone ? OtpPurpose.verify_phone : OtpPurpose.verify_email);
        }
        return phone ? PhoneNumbers.mask(target) : target;
    }

    /**
     * After a correct code: the phone or address is verified and the user is signed in. The first verification
     * of an account also removes its password and ends its sessions: anyone could have registered this phone or
     * address with a password of their choosing, and only now has its owner proved it (the owner then sets a
     * password with {@code PUT /me/password}). Social sign-in does the same when it claims an account.
     */
    @Transactional
    public SignedIn completeVerification(String target, boolean phone, String userAgent, String deviceId) {
        User user = (phone ? users.byPhone(target) : users.byEmail(target))
                .orElseThrow(() -> new AuthRequiredException("The code is not valid."));
        devices.seen(user.getId(), deviceId);
        boolean first = !user.isPhoneVerified() && !user.isEmailVerified();
        if (phone) {
            user.markPhoneVerified();
        } else {
            user.markEmailVerified();
        }
        if (!first) {
            return signIn(user, userAgent, "user.verify");
        }
        boolean hadPassword = user.getPasswordHash() != null;
        user.setPasswordHash(null);
        sessions.endAllForUser(user.getId());
        return signIn(user, userAgent, "user.verify", Map.of("first_verification", true, "password_removed", hadPassword));
    }

    /** Sets the password of an account that has none (after sign-up by code, or social sign-in). */
    @Transactional
    public void setPassword(UUID userId, String password) {
        String hash = passwords.hash(password);
        // Conditional: changing an existing password would need the current one, which this route does not take.
        int set = em.createQuery("UPDATE User u SET u.passwordHash = :hash WHERE u.id = :id AND u.passwordHash IS NULL")
                .setParameter("hash", hash).setParameter("id", userId).executeUpdate();
        if (set == 0) {
            throw new ConflictException("This account already has a password.", Map.of("reason", "password_already_set"));
        }
        audit.record(ActorType.user, userId, "user.password_set", "users", userId, Map.of());
    }

    @Transactional
    public SignedIn login(String identifier, String password, String userAgent, String deviceId) {
        SignInThrottle.Attempt attempt = throttle.begin(SignInThrottle.Scope.user, identifier);
        User user = find(identifier);
        boolean matches = passwords.matchesOrDummy(password, user == null ? null : user.getPasswordHash());
        if (!matches || user == null) {
            throttle.failed(attempt);
            throw new AuthRequiredException("The identifier or the password is wrong.");
        }
        throttle.succeeded(attempt);
        if (!user.isPhoneVerified() && !user.isEmailVerified()) {
            throw new ForbiddenException("Verify your phone number or email address first.",
                    Map.of("reason", "unverified"));
        }
        SignedIn signedIn = signIn(user, userAgent, "user.login");
        devices.seen(user.getId(), deviceId);
        return signedIn;
    }

    /** Issues a user's tokens for a session that already exists (refresh). */
    @Transactional
    public SignedIn tokensFor(UUID userId, Sessions.Issued session) {
        User user = users.byId(userId).orElseThrow(() -> new AuthRequiredException("The session has ended."));
        requireActive(user);
        return new SignedIn(accessTokens.forUser(user.getId(), user.isDriver(), session.sessionId()),
                session.refreshToken(), "Bearer", accessTokens.ttlSeconds(), UserView.of(user));
    }

    SignedIn signIn(User user, String userAgent, String action) {
        return signIn(user, userAgent, action, Map.of());
    }

    /** As {@link #signIn(User, String, String)}, with more details on the audit row (e.g. the social provider). */
    SignedIn signIn(User user, String userAgent, String action, Map<String, ?> auditDetails) {
        requireActive(user);
        // A bulk update: two sign-ins of one account at once must not clash on the row's version.
        em.createQuery("UPDATE User u SET u.lastLoginAt = :now WHERE u.id = :id")
                .setParameter("now", Instant.now()).setParameter("id", user.getId()).executeUpdate();
        Sessions.Issued session = sessions.startForUser(user.getId(), userAgent);
        Map<String, Object> details = new LinkedHashMap<>(auditDetails);
        details.put("session", session.sessionId());
        audit.record(ActorType.user, user.getId(), action, "users", user.getId(), details);
        return new SignedIn(accessTokens.forUser(user.getId(), user.isDriver(), session.sessionId()),
                session.refreshToken(), "Bearer", accessTokens.ttlSeconds(), UserView.of(user));
    }

    private static void requireActive(User user) {
        if (user.getStatus() != UserStatus.active) {
            throw new ForbiddenException("This account is suspended.", Map.of("reason", "suspended"));
        }
    }

    private User find(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return null;
        }
        if (identifier.contains("@")) {
            return users.byEmail(identifier.trim()).orElse(null);
        }
        try {
            return users.byPhone(PhoneNumbers.normalize(identifier, "identifier")).orElse(null);
        } catch (ValidationException notAPhone) {
            return null;
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String newReferralCode() {
        return Hashes.randomToken(6).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "X").substring(0, 8);
    }
}

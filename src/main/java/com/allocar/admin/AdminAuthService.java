package com.allocar.admin;

import com.allocar.identity.AccessTokens;
import com.allocar.identity.SignInThrottle;
import com.allocar.identity.Sessions;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.AuthRequiredException;
import com.allocar.platform.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Sign-in of back-office admins (ADM-1): a separate account table, tokens carrying the role. */
@ApplicationScoped
public class AdminAuthService {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    @Inject
    PasswordHasher passwords;
    @Inject
    Sessions sessions;
    @Inject
    AccessTokens accessTokens;
    @Inject
    AuditService audit;
    @Inject
    SignInThrottle throttle;

    /**
     * Unknown and inactive admins cost the same Argon2 check as a wrong password (timing tells nothing), and the
     * per-identifier back-off of user sign-in applies ({@link SignInThrottle}, scope admin).
     */
    @Transactional
    public AdminSignedIn login(String email, String password, String userAgent) {
        SignInThrottle.Attempt attempt = throttle.begin(SignInThrottle.Scope.admin, email);
        AdminUser admin = em.createQuery("SELECT a FROM AdminUser a WHERE lower(a.email) = :email", AdminUser.class)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst().orElse(null);
        boolean matches = passwords.matchesOrDummy(password, admin == null ? null : admin.getPasswordHash());
        if (admin == null || !admin.isActive() || !matches) {
            throttle.failed(attempt);
            throw new AuthRequiredException("The email or the password is wrong.");
        }
        throttle.succeeded(attempt);
        admin.setLastLoginAt(Instant.now());
        Sessions.Issued session = sessions.startForAdmin(admin.getId(), userAgent);
        audit.record(ActorType.admin, admin.getId(), "admin.login", "admin_users", admin.getId(),
                Map.of("session", session.sessionId()));
        return tokens(admin, session);
    }

    /** Tokens for an admin session that already exists (refresh). */
    @Transactional
    public AdminSignedIn tokensFor(UUID adminId, Sessions.Issued session) {
        AdminUser admin = em.find(AdminUser.class, adminId);
        if (admin == null || !admin.isActive()) {
            throw new AuthRequiredException("The session has ended.");
        }
        return tokens(admin, session);
    }

    private AdminSignedIn tokens(AdminUser admin, Sessions.Issued session) {
        return new AdminSignedIn(accessTokens.forAdmin(admin.getId(), admin.getRole().value(), session.sessionId()),
                session.refreshToken(), "Bearer", accessTokens.ttlSeconds(),
                new AdminSignedIn.Admin(admin.getId(), admin.getEmail(), admin.getRole().value()));
    }
}

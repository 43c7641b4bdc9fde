package com.allocar.platform.security;

import com.allocar.platform.errors.AuthRequiredException;
import com.allocar.platform.errors.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified access token: a user (groups {@code user}, and {@code driver} when the
 * user drives) or an admin (groups {@code admin} and the admin's role). Services take the caller's id from
 * here, never from the request body.
 */
@RequestScoped
public class Caller {
    public static final String USER = "user";
    public static final String DRIVER = "driver";
    public static final String ADMIN = "admin";
    /** Claim: the session (refresh-token family) the access token belongs to. */
    public static final String SESSION_CLAIM = "sid";
    /** Claim: the admin's role. */
    public static final String ROLE_CLAIM = "role";

    @Inject
    JsonWebToken token;

    public boolean authenticated() {
        return token != null && token.getSubject() != null;
    }

    public boolean isUser() {
        return authenticated() && groups().contains(USER);
    }

    public boolean isAdmin() {
        return authenticated() && groups().contains(ADMIN);
    }

    /** The signed-in user's id; 401 without a token, 403 for an admin token. */
    public UUID userId() {
        requireAuthenticated();
        if (!isUser()) {
            throw new ForbiddenException("This operation is for users.");
        }
        return UUID.fromString(token.getSubject());
    }

    /** The signed-in admin's id; 401 without a token, 403 for a user token. */
    public UUID adminId() {
        requireAuthenticated();
        if (!isAdmin()) {
            throw new ForbiddenException("This operation is for admins.");
        }
        return UUID.fromString(token.getSubject());
    }

    public Optional<String> adminRole() {
        return isAdmin() ? Optional.ofNullable(token.getClaim(ROLE_CLAIM)) : Optional.empty();
    }

    public Optional<UUID> sessionId() {
        if (!authenticated()) {
            return Optional.empty();
        }
        Object sid = token.getClaim(SESSION_CLAIM);
        return sid == null ? Optional.empty() : Optional.of(UUID.fromString(sid.toString().replace("\"", "")));
    }

    private Set<String> groups() {
        Set<String> groups = token.getGroups();
        return groups == null ? Set.of() : groups;
    }

    private void requireAuthenticated() {
        if (!authenticated()) {
            throw new AuthRequiredException("This operation needs an access token.");
        }
    }
}

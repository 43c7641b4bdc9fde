package com.allocar.platform.security;

import java.util.UUID;

/**
 * Decides, on every authenticated request, whether the token's account and session still stand: a
 * suspended account or a revoked session stops working at once, not when its access token expires.
 * Implemented by the identity domain.
 */
public interface SessionCheck {
    boolean active(boolean admin, UUID subject, UUID sessionId);
}

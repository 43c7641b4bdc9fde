package com.allocar.admin;

import java.util.UUID;

/** The answer of {@code POST /admin/login}: admin tokens and who signed in. */
public record AdminSignedIn(String accessToken, String refreshToken, String tokenType, long expiresIn, Admin admin) {

    public record Admin(UUID id, String email, String role) {
    }
}

package com.allocar.platform.web;

import jakarta.servlet.http.HttpServletResponse;

/** The security headers every API response carries (API-8). */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    static void apply(HttpServletResponse response) {
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }
}

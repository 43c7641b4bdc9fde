package com.allocar.identity;

import com.allocar.platform.errors.NotFoundException;
import java.util.Locale;

/**
 * The identity providers of {@code POST /auth/social/{provider}} (AUTH-5), with the names and defaults of their
 * settings. A provider is enabled when its client id is configured.
 */
public enum SocialProvider {
    google("GOOGLE_JWKS_URL", "https://www.googleapis.com/oauth2/v3/certs",
            "GOOGLE_ISSUERS", "https://accounts.google.com,accounts.google.com", "GOOGLE_CLIENT_ID"),
    apple("APPLE_JWKS_URL", "https://appleid.apple.com/auth/keys",
            "APPLE_ISSUER", "https://appleid.apple.com", "APPLE_CLIENT_ID");

    final String jwksUrlSetting;
    final String defaultJwksUrl;
    final String issuersSetting;
    final String defaultIssuers;
    final String clientIdSetting;

    SocialProvider(String jwksUrlSetting, String defaultJwksUrl, String issuersSetting, String defaultIssuers,
                   String clientIdSetting) {
        this.jwksUrlSetting = jwksUrlSetting;
        this.defaultJwksUrl = defaultJwksUrl;
        this.issuersSetting = issuersSetting;
        this.defaultIssuers = defaultIssuers;
        this.clientIdSetting = clientIdSetting;
    }

    /** The provider named in the path; anything else is {@code 404 not_found}. */
    public static SocialProvider parse(String name) {
        if (name != null) {
            for (SocialProvider provider : values()) {
                if (provider.name().equals(name.toLowerCase(Locale.ROOT))) {
                    return provider;
                }
            }
        }
        throw new NotFoundException("No such sign-in provider.");
    }
}

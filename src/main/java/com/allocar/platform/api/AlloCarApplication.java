package com.allocar.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST API under /api/v1 (API-1), authenticated with our own JWTs (MicroProfile JWT). */
@ApplicationPath(AlloCarApplication.ROOT)
@LoginConfig(authMethod = "MP-JWT", realmName = "allocar")
@OpenAPIDefinition(
        info = @Info(title = "AlloCar API", version = "1.0.0",
                description = "Carpooling marketplace for Côte d'Ivoire and West Africa. Every response is an "
                        + "envelope: `{data, meta}` on success, `{error: {code, message, details}, meta}` on "
                        + "failure; the codes are listed in docs/errors.md.",
                contact = @Contact(name = "AlloCar backend", email = "backend@allocar.ci")),
        servers = @Server(url = "/", description = "This server"),
        tags = {@Tag(name = "Platform", description = "Cross-cutting endpoints"),
                @Tag(name = "Admin", description = "Back-office, by admin role")})
@SecurityScheme(securitySchemeName = AlloCarApplication.BEARER, type = SecuritySchemeType.HTTP,
        scheme = "bearer", bearerFormat = "JWT",
        description = "Access token from /api/v1/auth/login or /api/v1/admin/login (RS256, 15 minutes).")
public class AlloCarApplication extends Application {
    public static final String ROOT = "/api/v1";
    public static final String BEARER = "bearer";
}

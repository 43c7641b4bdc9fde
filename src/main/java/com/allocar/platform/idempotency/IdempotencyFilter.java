package com.allocar.platform.idempotency;

import com.allocar.platform.errors.ApiExceptionMapper;
import com.allocar.platform.errors.IdempotencyConflictException;
import com.allocar.platform.errors.IdempotencyInProgressException;
import com.allocar.platform.errors.PayloadTooLargeException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.json.Json;
import com.allocar.platform.web.RequestAttributes;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Applies {@link Idempotent}: claims the key before the resource runs, stores or releases it after. */
@Provider
@Idempotent
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final Pattern ACCEPTABLE_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final int MAX_BODY = 1 << 20;

    @Inject
    IdempotencyStore store;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            return;
        }
        if (!ACCEPTABLE_KEY.matcher(key).matches()) {
            throw ValidationException.field(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readNBytes(MAX_BODY + 1) : new byte[0];
        if (body.length > MAX_BODY) {
            throw new PayloadTooLargeException("The request body is larger than " + MAX_BODY + " bytes.");
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        String scope = scopeOf(request);
        IdempotencyStore.Claim claim = store.claim(scope, key, hash(request, body));
        if (claim instanceof IdempotencyStore.Started started) {
            request.setProperty(CLAIM, started.id());
        } else if (claim instanceof IdempotencyStore.Replay replay) {
            request.abortWith(Response.status(replay.status())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(replay.body())
                    .header(REPLAYED_HEADER, "true")
                    .build());
        } else if (claim instanceof IdempotencyStore.InProgress) {
            request.abortWith(ApiExceptionMapper.of(new IdempotencyInProgressException(
                    "A request with this Idempotency-Key is still being processed; retry once it has finished.")));
        } else {
            request.abortWith(ApiExceptionMapper.of(new IdempotencyConflictException(
                    "This Idempotency-Key was already used with another request.", Map.of("header", HEADER))));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof UUID claim)) {
            return;
        }
        if (endpointDidNotRun(response.getStatus())) {
            store.release(claim);
            return;
        }
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String text ? text : Json.write(entity);
        store.complete(claim, response.getStatus(), body);
    }

    /**
     * As Stripe does: a request refused before the endpoint ran (malformed, unauthenticated, throttled) or
     * failed on our side leaves the key free, so the client can retry it, corrected, with the same key.
     */
    private static boolean endpointDidNotRun(int status) {
        return status == 400 || status == 401 || status == 429 || status >= 500;
    }

    /** Keys belong to their caller: the same key from two users never collides. */
    private static String scopeOf(ContainerRequestContext request) {
        Principal caller = request.getSecurityContext().getUserPrincipal();
        String who = caller != null ? "sub:" + caller.getName()
                : "ip:" + request.getProperty(RequestAttributes.CLIENT_IP);
        return who + " " + request.getMethod() + " " + request.getUriInfo().getPath();
    }

    private static String hash(ContainerRequestContext request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            digest.update(request.getUriInfo().getRequestUri().getRawQuery() == null ? new byte[0]
                    : request.getUriInfo().getRequestUri().getRawQuery().getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}

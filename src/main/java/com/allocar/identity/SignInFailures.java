package com.allocar.identity;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.web.RequestContext;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts failed sign-ins per identifier over ten minutes and writes one audit entry when a burst reaches
 * {@value #BURST} failures (the identifier is stored masked; the address of the last attempt is kept).
 */
@ApplicationScoped
public class SignInFailures {
    static final int BURST = 5;
    private final Cache<String, AtomicInteger> counts = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(200_000).build();

    @Inject
    AuditService audit;

    public void record(String identifier) {
        String key = canonical(identifier);
        int failures = counts.get(key, k -> new AtomicInteger()).incrementAndGet();
        if (failures == BURST) {
            audit.recordIndependently(ActorType.system, null, "auth.sign_in_failure_burst", "users", null,
                    Map.of("identifier", key.contains("@") ? key : PhoneNumbers.mask(key), "failures", failures,
                            "window_minutes", 10, "last_ip", String.valueOf(RequestContext.clientIp())));
        }
    }

    /** The same account however it was typed: phone numbers in E.164, addresses in lower case. */
    private static String canonical(String identifier) {
        String text = identifier == null ? "" : identifier.trim().toLowerCase(Locale.ROOT);
        if (text.contains("@") || !PhoneNumbers.looksLikePhone(text)) {
            return text;
        }
        try {
            return PhoneNumbers.normalize(text, "identifier");
        } catch (ValidationException notAPhone) {
            return text;
        }
    }
}

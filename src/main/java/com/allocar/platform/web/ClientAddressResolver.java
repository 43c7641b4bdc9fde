package com.allocar.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's address for rate limits and logs. {@code X-Forwarded-For} is believed only hop by hop from
 * the right, and only while the hop is one of {@code ALLOCAR_TRUSTED_PROXIES} (CIDRs): a client cannot
 * spoof its address by sending the header itself.
 */
@ApplicationScoped
public class ClientAddressResolver {
    @Inject
    @ConfigProperty(name = "ALLOCAR_TRUSTED_PROXIES", defaultValue = " ")
    String configuredProxies;

    private List<Cidr> trusted;

    @PostConstruct
    void init() {
        trusted = Arrays.stream(configuredProxies.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Cidr::parse)
                .toList();
    }

    public String resolve(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    String resolve(String remoteAddr, String forwardedFor) {
        if (!isTrusted(remoteAddr) || forwardedFor == null || forwardedFor.isBlank()) {
            return remoteAddr;
        }
        String[] hops = forwardedFor.split(",");
        String candidate = remoteAddr;
        for (int i = hops.length - 1; i >= 0; i--) {
            candidate = hops[i].trim();
            if (!Cidr.isAddress(candidate)) {
                return remoteAddr; // a malformed header is not believed at all
            }
            if (!isTrusted(candidate)) {
                return candidate;
            }
        }
        return candidate;
    }

    private boolean isTrusted(String address) {
        return trusted.stream().anyMatch(cidr -> cidr.contains(address));
    }
}

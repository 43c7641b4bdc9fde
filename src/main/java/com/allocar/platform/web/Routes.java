package com.allocar.platform.web;

import java.util.regex.Pattern;

/** Families of paths that the servlet filters treat apart, before JAX-RS has matched a route. */
public final class Routes {
    private static final Pattern WEBHOOK = Pattern.compile("/api/v1/payments/webhook/[^/]+/?");

    private Routes() {
    }

    /** A payment provider's webhook: called by the providers' servers, not by our apps. */
    public static boolean isWebhook(String path) {
        return WEBHOOK.matcher(path).matches();
    }
}

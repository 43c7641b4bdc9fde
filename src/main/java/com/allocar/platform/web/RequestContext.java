package com.allocar.platform.web;

import java.util.UUID;

/**
 * The request id and client address of the request this thread serves. Set by {@link RequestContextFilter} for the whole
 * request (JAX-RS runs synchronously on the servlet thread), read by the envelopes and the logs.
 */
public final class RequestContext {
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();
    private static final ThreadLocal<String> CLIENT_IP = new ThreadLocal<>();

    private RequestContext() {
    }

    public static String requestId() {
        String id = REQUEST_ID.get();
        return id != null ? id : UUID.randomUUID().toString();
    }

    /** The client's address, or null outside a request. */
    public static String clientIp() {
        return CLIENT_IP.get();
    }

    /** Whether this thread serves a request (and not a job). */
    public static boolean inRequest() {
        return REQUEST_ID.get() != null;
    }

    static void begin(String requestId, String clientIp) {
        REQUEST_ID.set(requestId);
        CLIENT_IP.set(clientIp);
    }

    static void end() {
        REQUEST_ID.remove();
        CLIENT_IP.remove();
    }
}

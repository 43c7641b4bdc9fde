package com.allocar.platform.web;

/** Servlet request attributes shared by the servlet filters and the JAX-RS filters. */
public final class RequestAttributes {
    /** The matched JAX-RS route template, e.g. {@code /api/v1/trips/{id}}. */
    public static final String ROUTE = "allocar.route";
    /** The authenticated subject (user or admin id), when there is one. */
    public static final String SUBJECT = "allocar.subject";
    /** The client address after trusted proxies were peeled off. */
    public static final String CLIENT_IP = "allocar.clientIp";

    private RequestAttributes() {
    }
}

package com.allocar.platform.api;

import com.allocar.platform.web.RequestContext;

/** The success envelope of API-3: {@code {"data": …, "meta": {"request_id", "pagination"?}}}. */
public record Envelope<T>(T data, Meta meta) {

    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(data, new Meta(RequestContext.requestId(), null));
    }

    public static <T> Envelope<java.util.List<T>> of(Page<T> page) {
        return new Envelope<>(page.items(), new Meta(RequestContext.requestId(), page.pagination()));
    }

    public record Meta(String requestId, Pagination pagination) {
    }
}

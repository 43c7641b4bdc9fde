package com.allocar.platform.idempotency;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sensitive POST whose {@code Idempotency-Key} header makes retries safe (API-6): the first
 * response for a key is stored and replayed; the same key with another body is 422
 * {@code idempotency_conflict}; the same key while the first request still runs is 409
 * {@code idempotency_in_progress}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Idempotent {
}

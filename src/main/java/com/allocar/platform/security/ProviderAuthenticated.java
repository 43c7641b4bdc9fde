package com.allocar.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route that a third party calls with its own proof (a payment provider's signature or shared secret, checked
 * by the route itself), never with our tokens: {@link AuthenticationFilter} leaves its {@code Authorization}
 * header alone, so a provider's {@code Bearer <shared secret>} reaches the route's verifier.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ProviderAuthenticated {
}

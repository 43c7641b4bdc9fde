package com.allocar.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.platform.errors.ErrorCode;
import com.allocar.platform.errors.WebhookInvalidSignatureException;

/** Assertions on refused webhooks. */
public final class Refusals {
    private Refusals() {
    }

    /**
     * Runs a webhook check that must refuse, and returns its {@code details.reason} ({@code missing},
     * {@code malformed}, {@code mismatch}, {@code stale}, {@code future}); the refusal must be 401
     * {@code webhook_invalid_signature}.
     */
    public static String reasonOf(Runnable verification) {
        try {
            verification.run();
        } catch (WebhookInvalidSignatureException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.webhook_invalid_signature);
            assertThat(e.code().status()).isEqualTo(401);
            return (String) e.details().get("reason");
        }
        throw new AssertionError("the webhook was accepted");
    }
}

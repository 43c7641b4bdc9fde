package com.allocar.payments.provider;

import java.util.List;

/**
 * One page of a provider's own list of payments (Stripe's PaymentIntents list), for the daily reconciliation.
 *
 * @param items      the payments of this page, as status look-ups would report them
 * @param nextCursor what to pass for the next page, or null after the last one
 */
public record ProviderPage(List<ProviderStatus> items, String nextCursor) {
    public ProviderPage {
        items = List.copyOf(items);
    }
}

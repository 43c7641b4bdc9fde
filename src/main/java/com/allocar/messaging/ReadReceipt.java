package com.allocar.messaging;

import java.util.UUID;

/**
 * The answer to {@code POST /bookings/{id}/messages/read}: how many of the other party's messages this call marked
 * read ({@code marked}, 0 when they already were) and how many are left unread after {@code up_to}.
 */
public record ReadReceipt(UUID upTo, int marked, int unreadMessages) {
}

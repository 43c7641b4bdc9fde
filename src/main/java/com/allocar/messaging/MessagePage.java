package com.allocar.messaging;

import java.util.List;

/**
 * A page of a booking's chat, newest first. {@code next_before} is the cursor of the older messages (pass it as
 * {@code before}), null when there are none.
 */
public record MessagePage(List<MessageView> messages, String nextBefore) {
}

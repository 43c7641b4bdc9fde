package com.allocar.notifications;

/**
 * A message could not be delivered. Permanent failures (the provider refused the message itself) end the
 * message as {@code failed}; the others are retried with backoff. The reason goes to {@code last_error}: it
 * never holds the message text.
 */
public class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;
    private final boolean recipientGone;

    private DeliveryException(String reason, boolean permanent, Throwable cause) {
        this(reason, permanent, false, cause);
    }

    private DeliveryException(String reason, boolean permanent, boolean recipientGone, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
        this.recipientGone = recipientGone;
    }

    /** The recipient no longer exists (a push token the provider forgot): permanent, and the recipient is dropped. */
    public static DeliveryException gone(String reason) {
        return new DeliveryException(reason, true, true, null);
    }

    public static DeliveryException permanent(String reason) {
        return new DeliveryException(reason, true, null);
    }

    public static DeliveryException permanent(String reason, Throwable cause) {
        return new DeliveryException(reason, true, cause);
    }

    public static DeliveryException retryable(String reason) {
        return new DeliveryException(reason, false, null);
    }

    public static DeliveryException retryable(String reason, Throwable cause) {
        return new DeliveryException(reason, false, cause);
    }

    public boolean isPermanent() {
        return permanent;
    }

    public boolean isRecipientGone() {
        return recipientGone;
    }

    /** A one-line description of a low-level failure (class and message), without line breaks. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return (root.getClass().getSimpleName() + message).replaceAll("\\s+", " ");
    }
}

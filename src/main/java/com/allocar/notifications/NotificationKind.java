package com.allocar.notifications;

/**
 * What a notification is about, and how it travels (docs/notifications.md has the table). Each kind has a template
 * per language ({@link Templates}) under its name. A <em>critical</em> kind ignores quiet hours and falls back to SMS
 * when push cannot reach the user (no device, push switched off, or every device failed); an <em>urgent</em> one
 * ignores quiet hours too, without the SMS. E-mail goes to every user with a verified address, except for chat.
 */
public enum NotificationKind {
    /** A passenger asked for seats: to the driver. */
    booking_requested(false, false, true),
    /** The driver (or the trip's auto-accept) accepted: to the passenger, who now pays. */
    booking_accepted(false, false, true),
    /** The driver refused the request: to the passenger. */
    booking_rejected(false, false, true),
    /** Nobody answered in time, or the booking was not paid by departure: to the passenger. */
    booking_expired(false, false, true),
    /** The driver, an admin or the system cancelled the booking: to the passenger. */
    booking_cancelled(true, true, true),
    /** The payment is confirmed, the seat is held: to the passenger. */
    booking_paid(true, true, true),
    /** A passenger paid: to the driver. */
    passenger_paid(false, false, true),
    /** A passenger cancelled: to the driver. */
    passenger_cancelled(true, true, true),
    /** The driver changed the time, the places, the stops, the price or the vehicle: to the passengers. */
    trip_changed(false, false, true),
    /** The trip is cancelled: to every passenger with an open booking. */
    trip_cancelled(true, true, true),
    /** Departure in 24 hours: to the driver and each paid passenger. */
    trip_reminder_24h(false, false, true),
    /** Departure in 2 hours: to the driver and each paid passenger, even in quiet hours. */
    trip_reminder_2h(false, true, true),
    /** A new chat message (coalesced per booking and recipient): push only. */
    chat_message(false, false, false),
    /** A payout reached the driver's mobile-money account: to the driver. */
    payout_paid(true, true, true),
    /** A trip matching one of the user's alerts was published: push, and e-mail. */
    trip_alert(false, false, true),
    /** A referral paid its bonus (the referee's first ride): to the referrer and to the referee. */
    referral_rewarded(false, false, true),
    /** A rating about the user became visible (both parties rated, or the rating window closed): push only. */
    rating_revealed(false, false, false),
    /** A dispute was opened about a booking: to its passenger and its driver. */
    dispute_opened(false, false, true),
    /** Support is investigating a dispute: to both parties. */
    dispute_investigating(false, false, true),
    /** Support resolved a dispute (with any refund): to both parties. */
    dispute_resolved(false, false, true),
    /** Support rejected a dispute: to both parties. */
    dispute_rejected(false, false, true),
    /** A new message on a dispute: support's to both parties, a party's to the other party. */
    dispute_message(false, false, true);

    private final boolean critical;
    private final boolean urgent;
    private final boolean emailed;

    NotificationKind(boolean critical, boolean urgent, boolean emailed) {
        this.critical = critical;
        this.urgent = urgent;
        this.emailed = emailed;
    }

    /** SMS when push cannot reach the user; never held by quiet hours. */
    public boolean critical() {
        return critical;
    }

    /** Never held by quiet hours (critical kinds, and the 2-hour reminder). */
    public boolean ignoresQuietHours() {
        return critical || urgent;
    }

    /** Also sent by e-mail to a verified address (the user's e-mail channel on). */
    public boolean emailed() {
        return emailed;
    }
}

package com.allocar.bookings;

/** pending → accepted → paid → completed; pending / accepted / paid → cancelled. */
public enum BookingStatus {
    pending, accepted, paid, cancelled, completed
}

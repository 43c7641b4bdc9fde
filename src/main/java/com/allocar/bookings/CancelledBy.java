package com.allocar.bookings;

/** Who cancelled a booking; a driver's rejection is a cancellation by the driver. */
public enum CancelledBy {
    passenger, driver, admin, system
}

package com.allocar.trips;

/** draft → published → ongoing → completed; cancelled. */
public enum TripStatus {
    draft, published, ongoing, completed, cancelled
}

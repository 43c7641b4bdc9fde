package com.allocar.bookings;

import com.allocar.platform.errors.ConflictException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * pending → accepted → paid → completed; pending, accepted and paid → cancelled (BOOK-3; a driver's rejection
 * and an expiry are cancellations with their reason). The allowed transitions live here and nowhere else; any
 * other move is 409 {@code conflict} with {@code details.from} and {@code details.to}.
 */
public enum BookingStatus {
    pending, accepted, paid, cancelled, completed;

    private static final Map<BookingStatus, Set<BookingStatus>> NEXT = Map.of(
            pending, EnumSet.of(accepted, cancelled),
            accepted, EnumSet.of(paid, cancelled),
            paid, EnumSet.of(completed, cancelled),
            cancelled, EnumSet.noneOf(BookingStatus.class),
            completed, EnumSet.noneOf(BookingStatus.class));

    public boolean canMoveTo(BookingStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** 409 conflict unless this status may move to {@code target}. */
    public void requireTransitionTo(BookingStatus target) {
        if (!canMoveTo(target)) {
            throw new ConflictException("A " + this + " booking cannot become " + target + ".",
                    Map.of("from", name(), "to", target.name()));
        }
    }

    /** Not yet paid and not over: the passenger may still pay or cancel for free (BOOK-6 counts these). */
    public boolean unpaid() {
        return this == pending || this == accepted;
    }
}

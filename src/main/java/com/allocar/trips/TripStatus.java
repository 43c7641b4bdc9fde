package com.allocar.trips;

import com.allocar.platform.errors.ConflictException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * draft → published → ongoing → completed; draft and published → cancelled (TRIP-2). The allowed transitions live
 * here and nowhere else; any other move is 409 {@code conflict} with {@code details.from} and {@code details.to}.
 */
public enum TripStatus {
    draft, published, ongoing, completed, cancelled;

    private static final Map<TripStatus, Set<TripStatus>> NEXT = Map.of(
            draft, EnumSet.of(published, cancelled),
            published, EnumSet.of(ongoing, cancelled),
            ongoing, EnumSet.of(completed),
            completed, EnumSet.noneOf(TripStatus.class),
            cancelled, EnumSet.noneOf(TripStatus.class));

    public boolean canMoveTo(TripStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** 409 conflict unless this status may move to {@code target}. */
    public void requireTransitionTo(TripStatus target) {
        if (!canMoveTo(target)) {
            throw new ConflictException("A " + this + " trip cannot become " + target + ".",
                    Map.of("from", name(), "to", target.name()));
        }
    }

    /** Whether the driver may still change the trip (its time, price, seats, points, stops): draft or published. */
    public boolean editable() {
        return this == draft || this == published;
    }

    /** Whether anyone may read the trip (published, ongoing, completed); drafts and cancelled trips are the driver's. */
    public boolean isPublic() {
        return this == published || this == ongoing || this == completed;
    }
}

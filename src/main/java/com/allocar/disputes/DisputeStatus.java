package com.allocar.disputes;

import com.allocar.platform.errors.ConflictException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * open → investigating → resolved | rejected (DISP-1). The allowed transitions live here and nowhere else; any other
 * move is 409 {@code conflict} with {@code details.from} and {@code details.to}.
 */
public enum DisputeStatus {
    open, investigating, resolved, rejected;

    private static final Map<DisputeStatus, Set<DisputeStatus>> NEXT = Map.of(
            open, EnumSet.of(investigating),
            investigating, EnumSet.of(resolved, rejected),
            resolved, EnumSet.noneOf(DisputeStatus.class),
            rejected, EnumSet.noneOf(DisputeStatus.class));

    public boolean canMoveTo(DisputeStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** 409 conflict unless this status may move to {@code target}. */
    public void requireTransitionTo(DisputeStatus target) {
        if (!canMoveTo(target)) {
            throw new ConflictException("A dispute " + this + " cannot become " + target + ".",
                    Map.of("from", name(), "to", target.name()));
        }
    }

    /** Still being handled: its parties may write, an admin may assign it. */
    public boolean active() {
        return this == open || this == investigating;
    }

    /** Settled: nothing changes any more. */
    public boolean closed() {
        return this == resolved || this == rejected;
    }
}

package com.allocar.payments;

import com.allocar.platform.errors.ConflictException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of one provider attempt (docs/payments.md has the diagram). The allowed moves live here.
 *
 * <p>A success is accepted from every state but {@code succeeded}: a superseded attempt may still be paid by a payer
 * who kept its page open, and a failed one may still see the money arrive (Wave sessions stay open after a failed
 * try). {@code needs_review} is a verified success that could not be applied automatically (reported amount or
 * currency not ours): finance settles it by hand.
 */
public enum AttemptStatus {
    opening, open, superseded, succeeded, failed, needs_review;

    private static final Map<AttemptStatus, Set<AttemptStatus>> NEXT = Map.of(
            opening, EnumSet.of(open, superseded, succeeded, failed, needs_review),
            open, EnumSet.of(superseded, succeeded, failed, needs_review),
            superseded, EnumSet.of(succeeded, failed, needs_review),
            failed, EnumSet.of(succeeded, needs_review),
            succeeded, EnumSet.noneOf(AttemptStatus.class),
            needs_review, EnumSet.noneOf(AttemptStatus.class));

    public boolean canMoveTo(AttemptStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** 409 conflict unless this status may move to {@code target}. */
    public void requireTransitionTo(AttemptStatus target) {
        if (!canMoveTo(target)) {
            throw new ConflictException("A " + this + " payment attempt cannot become " + target + ".",
                    Map.of("from", name(), "to", target.name()));
        }
    }

    /** The payer is being invited to pay this one: at most one per payment (ux_payment_attempts_live). */
    public boolean live() {
        return this == opening || this == open;
    }

    /** Still waiting for the provider's word: an unsigned hint (Orange, MTN) is acted on only for these. */
    public boolean awaiting() {
        return this == opening || this == open || this == superseded;
    }
}

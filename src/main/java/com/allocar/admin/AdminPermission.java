package com.allocar.admin;

import static com.allocar.admin.AdminRole.compliance;
import static com.allocar.admin.AdminRole.finance;
import static com.allocar.admin.AdminRole.ops;
import static com.allocar.admin.AdminRole.super_;
import static com.allocar.admin.AdminRole.support;

import java.util.EnumSet;
import java.util.Set;

/**
 * The role matrix of the specification (section 14), in one place: each admin capability and the roles
 * that hold it. Every admin route names exactly one of these with {@link AdminOnly}.
 */
public enum AdminPermission {
    /** Users: everyone reads. */
    USERS_READ(super_, ops, support, finance, compliance),
    /** Users: activate, suspend, edit ("edit-" for ops: no deletion, which nobody has). */
    USERS_EDIT(super_, ops),
    KYC_REVIEW(super_, compliance),
    TRIPS_MODERATE(super_, ops),
    BOOKINGS_ARBITRATE(super_, ops, support),
    PAYMENTS_AND_PAYOUTS(super_, finance),
    PROMOS_AND_REFERRALS(super_, ops),
    DISPUTES(super_, ops, support, compliance),
    REPORTS_EXPORT(super_, ops, finance),
    /** Audit logs: super, and ops read-only (no admin route writes audit logs). */
    AUDIT_READ(super_, ops),
    /**
     * System settings (ADM-4), read: not in section 14; super, and ops and finance, whose work the settings shape
     * (cancellation windows and price ranges; fees and payout minimums).
     */
    SETTINGS_READ(super_, ops, finance),
    /** System settings, change: super only (they move money and switch features for everyone). */
    SETTINGS_EDIT(super_),
    /** Ratings (RATE-1): list them all, blind ones included, and hide or show a comment. */
    RATINGS_MODERATE(super_, support, compliance);

    private final Set<AdminRole> roles;

    AdminPermission(AdminRole first, AdminRole... others) {
        this.roles = EnumSet.of(first, others);
    }

    public boolean grantedTo(AdminRole role) {
        return roles.contains(role);
    }

    public Set<AdminRole> roles() {
        return Set.copyOf(roles);
    }
}

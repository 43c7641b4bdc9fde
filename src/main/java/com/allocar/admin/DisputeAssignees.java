package com.allocar.admin;

import com.allocar.platform.errors.ForbiddenException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/**
 * What the admin side checks before a dispute changes: the assignee is an active admin whose role handles disputes,
 * and an admin who moves money (a refund, a driver charge) holds {@link AdminPermission#BOOKINGS_ARBITRATE} as well
 * as {@link AdminPermission#DISPUTES} (section 14: bookings arbitration is super, ops and support; compliance reads
 * and settles disputes without moving money).
 */
@ApplicationScoped
public class DisputeAssignees {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /** 400 on assignee_id unless it names an active admin whose role holds DISPUTES. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireAssignable(UUID adminId) {
        AdminUser admin = em.find(AdminUser.class, adminId);
        if (admin == null || !admin.isActive() || !AdminPermission.DISPUTES.grantedTo(admin.getRole())) {
            throw ValidationException.field("assignee_id", "must be an active admin whose role handles disputes");
        }
    }

    /** 403 unless the calling admin's role may move money on a booking. */
    public void requireMoneyRight(Caller caller) {
        boolean granted = caller.adminRole().map(DisputeAssignees::role)
                .filter(AdminPermission.BOOKINGS_ARBITRATE::grantedTo).isPresent();
        if (!granted) {
            throw new ForbiddenException("Your role may settle disputes but not refund or charge.",
                    Map.of("permission", AdminPermission.BOOKINGS_ARBITRATE.name()));
        }
    }

    private static AdminRole role(String value) {
        try {
            return AdminRole.of(value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}

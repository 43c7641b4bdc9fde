package com.allocar.referrals;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/** The back office's decision on a referral it believes is abuse: cancelled while pending, so it never pays. */
@ApplicationScoped
public class AdminReferrals {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    AuditService audit;
    @Inject
    ReferralQueries queries;

    @Transactional
    public AdminReferralView cancel(UUID adminId, UUID referralId, String reason) {
        Referral referral = em.find(Referral.class, referralId, LockModeType.PESSIMISTIC_WRITE);
        if (referral == null) {
            throw new NotFoundException("No such referral.");
        }
        if (referral.getStatus() != ReferralStatus.pending) {
            throw new ConflictException("Only a pending referral can be cancelled; this one is "
                    + referral.getStatus() + ".", Map.of("reason", "not_pending", "status", referral.getStatus()));
        }
        referral.cancel("admin: " + reason);
        audit.record(ActorType.admin, adminId, "referral.cancel", "referrals", referralId, Map.of("reason", reason));
        em.flush();
        return queries.one(referralId);
    }
}

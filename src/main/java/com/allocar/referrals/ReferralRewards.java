package com.allocar.referrals;

import com.allocar.bookings.BookingCompleted;
import com.allocar.identity.UserDevices;
import com.allocar.notifications.NotificationKind;
import com.allocar.notifications.Notice;
import com.allocar.notifications.Notifications;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.settings.Settings;
import com.allocar.wallet.WalletLedger;
import com.allocar.wallet.WalletTxnSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pays a referral when its referee completes a first ride, as passenger or as driver: both bonuses go to the wallets
 * as {@code promo} credits, in the ride's own transaction (the ride is the cause; the pending → rewarded update under
 * a row lock makes it once). A ride between the referee and their referrer does not count: the referral waits for a
 * ride with someone else. Two accounts seen on one install by then are not paid: the referral is cancelled.
 */
@ApplicationScoped
public class ReferralRewards {
    static final String REF_TYPE = "referral";

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    WalletLedger wallets;
    @Inject
    UserDevices devices;
    @Inject
    Settings settings;
    @Inject
    AuditService audit;
    @Inject
    Notifications notifications;

    void completed(@Observes BookingCompleted ride) {
        reward(ride.passengerId(), ride.driverId(), ride);
        reward(ride.driverId(), ride.passengerId(), ride);
    }

    private void reward(UUID refereeId, UUID otherParty, BookingCompleted ride) {
        List<Referral> pending = em.createQuery("SELECT r FROM Referral r WHERE r.refereeId = :referee "
                        + "AND r.status = :pending", Referral.class)
                .setParameter("referee", refereeId).setParameter("pending", ReferralStatus.pending)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (pending.isEmpty() || pending.get(0).getReferrerId().equals(otherParty)) {
            return;
        }
        Referral referral = pending.get(0);
        if (devices.shareAnInstall(referral.getReferrerId(), refereeId)) {
            referral.cancel("same_device: both accounts were used on one app install");
            audit.record(ActorType.system, null, "referral.cancel", "referrals", referral.getId(),
                    Map.of("reason", "same_device", "booking_id", ride.bookingId()));
            return;
        }
        referral.reward(ride.bookingId(), ride.completedAt());
        Instant holdUntil = ride.completedAt().plus(settings.referralTerms().bonusHold());
        credit(referral.getReferrerId(), referral.getBonusReferrer(), referral, "referrer", holdUntil);
        credit(refereeId, referral.getBonusReferee(), referral, "referee", holdUntil);
        audit.record(ActorType.system, null, "referral.reward", "referrals", referral.getId(),
                Map.of("booking_id", ride.bookingId(), "bonus_referrer", referral.getBonusReferrer(),
                        "bonus_referee", referral.getBonusReferee()));
    }

    private void credit(UUID userId, BigDecimal bonus, Referral referral, String side, Instant holdUntil) {
        if (bonus.signum() <= 0) {
            return;
        }
        wallets.credit(userId, new WalletLedger.Movement(bonus, WalletTxnSource.promo, REF_TYPE, referral.getId(),
                "referral:" + referral.getId() + ":" + side, "Bonus de parrainage", holdUntil));
        notifications.notify(Notice.of("referral:" + referral.getId() + ":" + side, userId,
                NotificationKind.referral_rewarded, Map.of("amount", bonus), Map.of("referral_id",
                        referral.getId().toString())));
    }
}

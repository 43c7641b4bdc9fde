package com.allocar.referrals;

import com.allocar.bookings.PassengerRides;
import com.allocar.identity.User;
import com.allocar.identity.UserDevices;
import com.allocar.identity.UserDirectory;
import com.allocar.identity.UserSignedUp;
import com.allocar.identity.UserStatus;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Entering a referral code (REF-1): at sign-up, or later with {@code POST /referrals/use} within
 * {@code referrals.use_days} of it. Once per user, never one's own code, never between two accounts seen on one app
 * install, never after a first completed ride (the bonus pays for bringing a new rider). The bonuses are the settings
 * of that moment; {@link ReferralRewards} pays them after the referee's first completed ride.
 */
@ApplicationScoped
public class ReferralService {
    static final String FIELD = "referral_code";

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    UserDirectory users;
    @Inject
    UserDevices devices;
    @Inject
    Settings settings;
    @Inject
    AuditService audit;
    @Inject
    ReferralQueries queries;
    @Inject
    PassengerRides rides;

    /** A code given at sign-up: in the sign-up's transaction, so a refused code refuses the sign-up. */
    void signedUp(@Observes UserSignedUp signUp) {
        if (signUp.referralCode() != null) {
            UserDevices.require(signUp.deviceId());
            record(signUp.userId(), signUp.referralCode(), "sign_up");
        }
    }

    /** {@code POST /referrals/use}: the signed-in user enters a code. */
    @Transactional
    public ReferralView use(UUID refereeId, String code, String deviceId) {
        devices.seen(refereeId, UserDevices.require(deviceId));
        User referee = users.byId(refereeId).orElseThrow();
        if (referee.getCreatedAt().plus(settings.referralTerms().useWithin()).isBefore(Instant.now())) {
            throw refused("window_closed", "A referral code can only be entered within "
                    + settings.referralTerms().useWithin().toDays() + " days of sign-up.");
        }
        if (rides.hasCompletedRide(refereeId)) {
            throw refused("already_rode", "A referral code can only be entered before the first completed ride.");
        }
        return record(refereeId, code, "code_entered");
    }

    private ReferralView record(UUID refereeId, String code, String how) {
        User referrer = users.byReferralCode(code)
                .filter(user -> user.getStatus() == UserStatus.active)
                .orElseThrow(() -> ValidationException.field(FIELD, "is not a referral code"));
        if (referrer.getId().equals(refereeId)) {
            throw refused("own_code", "This is your own referral code.");
        }
        if (referredBy(referrer.getId(), refereeId)) {
            throw refused("mutual", "This user joined with your referral code; you cannot use theirs.");
        }
        if (devices.shareAnInstall(referrer.getId(), refereeId)) {
            throw refused("same_device", "Both accounts were used on this phone; a referral needs two people.");
        }
        Settings.ReferralTerms terms = settings.referralTerms();
        UUID id = UUID.randomUUID();
        // The unique referee_id makes two concurrent uses one referral: the second inserts nothing.
        int inserted = em.createNativeQuery("INSERT INTO referrals (id, referrer_id, referee_id, bonus_referrer, "
                        + "bonus_referee) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (referee_id) DO NOTHING")
                .setParameter(1, id).setParameter(2, referrer.getId()).setParameter(3, refereeId)
                .setParameter(4, terms.bonusReferrer()).setParameter(5, terms.bonusReferee()).executeUpdate();
        if (inserted == 0) {
            throw refused("already_referred", "You already entered a referral code.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("referrer_id", referrer.getId());
        details.put("how", how);
        details.put("bonus_referrer", terms.bonusReferrer());
        details.put("bonus_referee", terms.bonusReferee());
        audit.record(ActorType.user, refereeId, "referral.use", "referrals", id, details);
        return queries.view(id);
    }

    private boolean referredBy(UUID refereeOfThat, UUID referrerOfThat) {
        return !em.createNativeQuery("SELECT 1 FROM referrals WHERE referee_id = ?1 AND referrer_id = ?2")
                .setParameter(1, refereeOfThat).setParameter(2, referrerOfThat).getResultList().isEmpty();
    }

    static ConflictException refused(String reason, String message) {
        return new ConflictException(message, Map.of("reason", reason));
    }
}

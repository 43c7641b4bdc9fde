package com.allocar.referrals;

import com.allocar.identity.UserDirectory;
import com.allocar.platform.api.Page;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import com.allocar.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** What the referral lists and summaries read: one query per page for the referrals, one for their parties' names. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReferralQueries {
    /** {@code GET /me/referrals/invitees}. */
    public static final ListSpec INVITEES = ListSpec.builder()
            .filter("status", FilterType.of(ReferralStatus.class))
            .filter("created_at", FilterType.INSTANT)
            .sortable("created_at")
            .defaultSort("created_at", true)
            .build();
    /** {@code GET /admin/referrals}. */
    public static final ListSpec ADMIN = ListSpec.builder()
            .filter("status", FilterType.of(ReferralStatus.class))
            .filter("referrer_id", FilterType.UUID_VALUE)
            .filter("referee_id", FilterType.UUID_VALUE)
            .filter("created_at", FilterType.INSTANT)
            .sortable("created_at", "rewarded_at")
            .defaultSort("created_at", true)
            .build();
    private static final Map<String, String> ATTRIBUTES = Map.of("status", "status", "created_at", "createdAt",
            "rewarded_at", "rewardedAt", "referrer_id", "referrerId", "referee_id", "refereeId");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    UserDirectory users;
    @Inject
    Settings settings;

    /** The user's referral code, who referred them, and what their own referrals brought. */
    public MyReferralsView mine(UUID userId) {
        var user = users.byId(userId).orElseThrow();
        Object[] totals = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE status = 'pending'), "
                        + "count(*) FILTER (WHERE status = 'rewarded'), "
                        + "coalesce(sum(bonus_referrer) FILTER (WHERE status = 'rewarded'), 0) "
                        + "FROM referrals WHERE referrer_id = ?1")
                .setParameter(1, userId).getSingleResult();
        List<Referral> mine = em.createQuery("SELECT r FROM Referral r WHERE r.refereeId = :me", Referral.class)
                .setParameter("me", userId).getResultList();
        ReferralView referredBy = mine.isEmpty() ? null : views(mine).get(0);
        Settings.ReferralTerms terms = settings.referralTerms();
        Instant enterUntil = user.getCreatedAt().plus(terms.useWithin());
        boolean canEnter = mine.isEmpty() && enterUntil.isAfter(Instant.now());
        return new MyReferralsView(user.getReferralCode(), referredBy, ((Number) totals[0]).longValue(),
                ((Number) totals[1]).longValue(), (BigDecimal) totals[2], terms.bonusReferrer(), terms.bonusReferee(),
                canEnter ? enterUntil : null);
    }

    /** The people the user referred, a page at a time. */
    public Page<ReferralView> invitees(UUID referrerId, ListQuery query) {
        Page<Referral> page = JpaLists.page(em, Referral.class, query, ATTRIBUTES,
                (cb, root) -> List.of(cb.equal(root.get("referrerId"), referrerId)));
        return new Page<>(views(page.items()), page.pagination());
    }

    /** Every referral, for the back office. */
    public Page<AdminReferralView> all(ListQuery query) {
        Page<Referral> page = JpaLists.page(em, Referral.class, query, ATTRIBUTES, JpaLists.Scope.none());
        List<ReferralView> views = views(page.items());
        Map<UUID, Referral> byId = new HashMap<>();
        page.items().forEach(referral -> byId.put(referral.getId(), referral));
        return new Page<>(views.stream().map(view -> AdminReferralView.of(view, byId.get(view.id()))).toList(),
                page.pagination());
    }

    /** One referral as its parties see it. */
    public ReferralView view(UUID id) {
        return views(List.of(em.find(Referral.class, id))).get(0);
    }

    /** One referral, for the back office. */
    public AdminReferralView one(UUID id) {
        Referral referral = em.find(Referral.class, id);
        if (referral == null) {
            throw new com.allocar.platform.errors.NotFoundException("No such referral.");
        }
        return AdminReferralView.of(views(List.of(referral)).get(0), referral);
    }

    private List<ReferralView> views(List<Referral> referrals) {
        Set<UUID> people = new HashSet<>();
        referrals.forEach(referral -> {
            people.add(referral.getReferrerId());
            people.add(referral.getRefereeId());
        });
        Map<UUID, ReferralView.Party> parties = parties(people);
        Function<UUID, ReferralView.Party> party = id -> parties.getOrDefault(id, new ReferralView.Party(id, null));
        return referrals.stream().map(referral -> new ReferralView(referral.getId(), referral.getStatus(),
                party.apply(referral.getReferrerId()), party.apply(referral.getRefereeId()),
                referral.getBonusReferrer(), referral.getBonusReferee(), referral.getCreatedAt(),
                referral.getRewardedAt())).toList();
    }

    private Map<UUID, ReferralView.Party> parties(Collection<UUID> ids) {
        Map<UUID, ReferralView.Party> parties = new HashMap<>();
        if (ids.isEmpty()) {
            return parties;
        }
        List<Object[]> rows = em.createQuery("SELECT u.id, u.firstName, u.lastName FROM User u WHERE u.id IN :ids",
                Object[].class).setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            parties.put(id, ReferralView.Party.of(id, (String) row[1], (String) row[2]));
        }
        return parties;
    }
}

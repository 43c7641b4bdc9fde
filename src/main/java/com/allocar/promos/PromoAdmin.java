package com.allocar.promos;

import com.allocar.platform.api.Page;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Marketing's promo codes (ADM-2, section 14: super and ops): create (inactive until activated), list, read with its
 * usage, edit, activate and deactivate; every change audited with what changed. A redeemed promo keeps its code and
 * type (receipts and past redemptions refer to them); its discount, limits and window may change for the future only:
 * a redemption keeps the discount it was reserved with.
 */
@ApplicationScoped
public class PromoAdmin {
    public static final String CODE_PATTERN = "^[A-Za-z0-9_-]{3,32}$";
    static final int CODE_MAX = 32;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static final ListSpec LIST = ListSpec.builder()
            .filter("status", FilterType.of(PromoStatus.class))
            .filter("code", FilterType.TEXT)
            .filter("type", FilterType.of(PromoType.class))
            .filter("created_at", FilterType.INSTANT)
            .filter("starts_at", FilterType.INSTANT)
            .filter("ends_at", FilterType.INSTANT)
            .sortable("created_at", "code", "uses_count")
            .defaultSort("created_at", true)
            .build();
    static final Map<String, String> ATTRIBUTES = Map.of("status", "status", "code", "code", "type", "type",
            "created_at", "createdAt", "starts_at", "startsAt", "ends_at", "endsAt", "uses_count", "usesCount");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    PromoRedemptions redemptions;
    @Inject
    AuditService audit;

    @Transactional
    public AdminPromoView create(UUID adminId, PromoRequest request) {
        if (request.code() == null || request.type() == null || request.value() == null) {
            Map<String, String> missing = new LinkedHashMap<>();
            for (String field : List.of("code", "type", "value")) {
                if (field.equals("code") && request.code() == null || field.equals("type") && request.type() == null
                        || field.equals("value") && request.value() == null) {
                    missing.put(field, "must not be null");
                }
            }
            throw ValidationException.fields(missing);
        }
        requireFree(Promo.normalize(request.code()), null);
        PromoType type = PromoType.valueOf(request.type());
        requireValue(type, request.value());
        Promo promo = new Promo(request.code(), type, request.value());
        promo.setStatus(PromoStatus.inactive);
        apply(promo, request);
        em.persist(promo);
        em.flush();
        audit.record(ActorType.admin, adminId, "promo.created", "promos", promo.getId(), snapshot(promo));
        return AdminPromoView.of(promo, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AdminPromoView> list(ListQuery query) {
        List<ListQuery.Condition> filters = query.filters().stream().map(c -> !c.field().equals("code") ? c
                : new ListQuery.Condition(c.field(), c.operator(),
                c.values().stream().map(v -> (Object) Promo.normalize(v.toString())).toList())).toList();
        return JpaLists.page(em, Promo.class, new ListQuery(query.page(), query.pageSize(), query.sort(), filters),
                ATTRIBUTES, JpaLists.Scope.none()).map(p -> AdminPromoView.of(p, null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AdminPromoView get(UUID id) {
        Promo promo = em.find(Promo.class, id);
        if (promo == null) {
            throw new NotFoundException("No such promo.");
        }
        return AdminPromoView.of(promo, redemptions.usage(id));
    }

    /**
     * Applies what the request gives, under the promo's row lock (uses are counted by conditional updates on the same
     * row, so max_uses is never set below the uses already counted).
     */
    @Transactional
    public AdminPromoView edit(UUID adminId, UUID id, PromoRequest request) {
        Promo promo = lock(id);
        Map<String, Object> before = snapshot(promo);
        String code = request.code() == null ? null : Promo.normalize(request.code());
        boolean renamed = code != null && !code.equals(promo.getCode());
        boolean retyped = request.type() != null && !request.type().equals(promo.getType().name());
        if ((renamed || retyped) && redemptions.anyOf(id)) {
            throw new ConflictException("A redeemed promo keeps its code and type; create another promo instead.",
                    Map.of("reason", "promo_redeemed", "field", renamed ? "code" : "type"));
        }
        if (renamed) {
            requireFree(code, id);
            promo.rename(code);
        }
        if (retyped) {
            promo.setType(PromoType.valueOf(request.type()));
        }
        if (request.value() != null) {
            setValue(promo, request.value());
        }
        apply(promo, request);
        if (promo.getMaxUses() != null && promo.getMaxUses() < promo.getUsesCount()) {
            throw new ConflictException("max_uses is below the uses already counted.",
                    Map.of("reason", "below_uses", "uses_count", promo.getUsesCount()));
        }
        em.flush();
        Map<String, Object> changes = new LinkedHashMap<>();
        snapshot(promo).forEach((field, now) -> {
            if (!Objects.equals(before.get(field), now)) {
                changes.put(field, java.util.Arrays.asList(before.get(field), now));
            }
        });
        if (!changes.isEmpty()) {
            // each changed field as [before, after]
            audit.record(ActorType.admin, adminId, "promo.updated", "promos", id, Map.of("changes", changes));
        }
        return AdminPromoView.of(promo, null);
    }

    /** Active: the code applies from now (within its window); inactive: it no longer applies to new reservations. */
    @Transactional
    public AdminPromoView setStatus(UUID adminId, UUID id, PromoStatus status) {
        Promo promo = lock(id);
        if (promo.getStatus() != status) {
            PromoStatus from = promo.getStatus();
            promo.setStatus(status);
            em.flush();
            audit.record(ActorType.admin, adminId, status == PromoStatus.active ? "promo.activated"
                    : "promo.deactivated", "promos", id, Map.of("from", from.name(), "to", status.name()));
        }
        return AdminPromoView.of(promo, null);
    }

    /**
     * Deletes a promo nobody ever redeemed (a code made by mistake). A redeemed one stays for the records of the
     * payments it discounted: 409, deactivate it instead. The row lock makes a reservation racing the deletion wait,
     * then find no promo to take a use from.
     */
    @Transactional
    public void delete(UUID adminId, UUID id) {
        Promo promo = lock(id);
        if (redemptions.anyOf(id)) {
            throw new ConflictException("A redeemed promo stays for the records; deactivate it instead.",
                    Map.of("reason", "promo_redeemed"));
        }
        Map<String, Object> last = snapshot(promo);
        em.remove(promo);
        em.flush();
        audit.record(ActorType.admin, adminId, "promo.deleted", "promos", id, last);
    }

    private Promo lock(UUID id) {
        Promo promo = em.find(Promo.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (promo == null) {
            throw new NotFoundException("No such promo.");
        }
        return promo;
    }

    private void requireFree(String code, UUID self) {
        List<UUID> taken = em.createQuery("SELECT p.id FROM Promo p WHERE p.code = :code", UUID.class)
                .setParameter("code", code).getResultList();
        if (!taken.isEmpty() && !taken.get(0).equals(self)) {
            throw new ConflictException("Another promo has this code.", Map.of("reason", "code_taken", "code", code));
        }
    }

    /** The optional rules the request gives or clears, then the rules between fields. */
    private static void apply(Promo promo, PromoRequest request) {
        BigDecimal maxDiscount = request.clears("max_discount") ? null
                : request.maxDiscount() != null ? request.maxDiscount() : promo.getMaxDiscount();
        BigDecimal minFare = request.clears("min_fare") ? null
                : request.minFare() != null ? request.minFare() : promo.getMinFare();
        boolean firstRide = request.firstRideOnly() != null ? request.firstRideOnly() : promo.isFirstRideOnly();
        Integer maxUses = request.clears("max_uses") ? null
                : request.maxUses() != null ? request.maxUses() : promo.getMaxUses();
        Integer perUser = request.clears("per_user_limit") ? null
                : request.perUserLimit() != null ? request.perUserLimit() : promo.getPerUserLimit();
        var startsAt = request.clears("starts_at") ? null
                : request.startsAt() != null ? request.startsAt() : promo.getStartsAt();
        var endsAt = request.clears("ends_at") ? null : request.endsAt() != null ? request.endsAt() : promo.getEndsAt();
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw ValidationException.field("ends_at", "must be after starts_at");
        }
        if (maxDiscount != null && promo.getType() != PromoType.percent) {
            throw ValidationException.field("max_discount", "applies to a percent promo only");
        }
        setValue(promo, promo.getValue());
        promo.setConditions(maxDiscount, minFare, firstRide);
        promo.setLimits(maxUses, perUser);
        promo.setWindow(startsAt, endsAt);
        if (request.clears("description")) {
            promo.setDescription(null);
        } else if (request.description() != null) {
            promo.setDescription(request.description().strip());
        }
    }

    private static void setValue(Promo promo, BigDecimal value) {
        requireValue(promo.getType(), value);
        promo.setValue(value);
    }

    /** amount: whole francs; percent: at most 100. */
    private static void requireValue(PromoType type, BigDecimal value) {
        if (type == PromoType.amount && value.stripTrailingZeros().scale() > 0) {
            throw ValidationException.field("value", "an amount is whole francs");
        }
        if (type == PromoType.percent && value.compareTo(HUNDRED) > 0) {
            throw ValidationException.field("value", "a percent is at most 100");
        }
    }

    /** What an audit row records of a promo (and what an edit compares). */
    private static Map<String, Object> snapshot(Promo promo) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", promo.getCode());
        fields.put("type", promo.getType().name());
        fields.put("value", PromoQuote.plain(promo.getValue()).toPlainString());
        fields.put("max_discount", text(promo.getMaxDiscount()));
        fields.put("min_fare", text(promo.getMinFare()));
        fields.put("first_ride_only", promo.isFirstRideOnly());
        fields.put("max_uses", promo.getMaxUses());
        fields.put("per_user_limit", promo.getPerUserLimit());
        fields.put("starts_at", promo.getStartsAt() == null ? null : promo.getStartsAt().toString());
        fields.put("ends_at", promo.getEndsAt() == null ? null : promo.getEndsAt().toString());
        fields.put("status", promo.getStatus().name());
        fields.put("description", promo.getDescription());
        return fields;
    }

    private static String text(BigDecimal amount) {
        return amount == null ? null : PromoQuote.whole(amount).toPlainString();
    }
}

package com.allocar.admin;

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
import com.allocar.platform.settings.Setting;
import com.allocar.platform.settings.SettingKey;
import com.allocar.platform.settings.SettingValueType;
import com.allocar.platform.settings.SettingsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * System settings for admins (ADM-4): the list, and a change checked against the setting's type and rule,
 * optionally against the version last read, audited with the old and new values. The cache of
 * {@code Settings} forgets its values when the change commits.
 */
@ApplicationScoped
public class AdminSettingsService {
    public static final ListSpec LIST = ListSpec.builder()
            .filter("value_type", FilterType.of(SettingValueType.class))
            .sortable("key", "updated_at")
            .defaultSort("key", false)
            .build();
    private static final Map<String, String> ATTRIBUTES = Map.of("value_type", "valueType", "updated_at", "updatedAt");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    AuditService audit;
    @Inject
    Event<SettingsChanged> changed;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SettingView> list(ListQuery query) {
        return JpaLists.page(em, Setting.class, query, ATTRIBUTES, JpaLists.Scope.none()).map(SettingView::of);
    }

    /**
     * Sets {@code key} to {@code value}. A key the code knows but the table lacks is created; an unknown key is
     * 404. A stale {@code version} is 409; a value of the wrong type or breaking the setting's rule is a
     * validation_error on {@code value}.
     */
    @Transactional
    public SettingView change(UUID adminId, String key, JsonValue value, Long version) {
        Optional<SettingKey> known = SettingKey.of(key);
        Setting setting = em.createQuery("SELECT s FROM Setting s WHERE s.key = :key", Setting.class)
                .setParameter("key", key).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (setting == null && known.isEmpty()) {
            throw new NotFoundException("No such setting.");
        }
        long current = setting == null ? 0 : setting.getVersion();
        if (version != null && version != current) {
            throw new ConflictException("The setting was changed since you read it; read it again.",
                    Map.of("reason", "version_mismatch", "version", current));
        }
        SettingValueType type = setting == null ? known.get().type() : setting.getValueType();
        Optional<String> problem = known.isPresent() ? known.get().problem(value)
                : Optional.of(type).filter(t -> !t.accepts(value)).map(SettingValueType::expectation);
        if (problem.isPresent()) {
            throw ValidationException.field("value", problem.get());
        }
        String before = setting == null ? null : setting.getValue();
        if (setting == null) {
            setting = new Setting(key, type, value.toString(), known.get().description());
            setting.change(value.toString(), adminId);
            em.persist(setting);
        } else {
            setting.change(value.toString(), adminId);
        }
        em.flush();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("key", key);
        meta.put("from", before == null ? null : SettingKey.parse(before).toString());
        meta.put("to", value.toString());
        audit.record(ActorType.admin, adminId, "setting.update", "settings", setting.getId(), meta);
        changed.fire(new SettingsChanged(key));
        return SettingView.of(setting);
    }
}

package com.allocar.platform.settings;

import com.allocar.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A system setting editable by admins (fees, windows, thresholds, toggles). The value is JSON text of the
 * declared type: {@code 5}, {@code 2.5}, {@code true}, {@code "tpl-123"}, or any JSON for {@code json}.
 */
@Entity
@Table(name = "settings")
public class Setting extends VersionedEntity {
    @Column(nullable = false, updatable = false)
    private String key;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String value;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_type", nullable = false)
    private SettingValueType valueType;

    private String description;

    /** admin_users.id of the last editor; null when set by a migration. */
    @Column(name = "updated_by")
    private UUID updatedBy;

    protected Setting() {
    }

    public Setting(String key, SettingValueType valueType, String valueJson, String description) {
        this.key = Objects.requireNonNull(key);
        this.valueType = Objects.requireNonNull(valueType);
        this.value = Objects.requireNonNull(valueJson);
        this.description = description;
    }

    /** An admin's change of the value (same type). */
    public void change(String valueJson, UUID adminId) {
        this.value = Objects.requireNonNull(valueJson);
        this.updatedBy = Objects.requireNonNull(adminId);
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public SettingValueType getValueType() {
        return valueType;
    }

    public String getDescription() {
        return description;
    }

    public UUID getUpdatedBy() {
        return updatedBy;
    }
}

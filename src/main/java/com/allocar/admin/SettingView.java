package com.allocar.admin;

import com.allocar.platform.settings.Setting;
import com.allocar.platform.settings.SettingKey;
import com.allocar.platform.settings.SettingValueType;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A system setting as admins see it: its value (JSON of its type), the coded default (null for a key the code
 * does not know), who changed it last and the version to send back with a change.
 */
public record SettingView(String key,
                          @Schema(description = "JSON of value_type: number, true/false, string, or any JSON")
                          JsonValue value,
                          SettingValueType valueType, String description,
                          @Schema(description = "What applies when the row is missing") JsonValue defaultValue,
                          UUID updatedBy, Instant updatedAt, long version) {

    static SettingView of(Setting setting) {
        return new SettingView(setting.getKey(), SettingKey.parse(setting.getValue()), setting.getValueType(),
                setting.getDescription(), SettingKey.of(setting.getKey()).map(SettingKey::defaultValue).orElse(null),
                setting.getUpdatedBy(), setting.getUpdatedAt(), setting.getVersion());
    }
}

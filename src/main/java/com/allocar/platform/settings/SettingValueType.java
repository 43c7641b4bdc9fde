package com.allocar.platform.settings;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;

/** The JSON type a setting's value must have (checked by the database); {@code bool} because {@code boolean} is a Java keyword. */
public enum SettingValueType {
    string, integer, decimal, bool, json;

    /** Whether {@code value} has this type (the same test as the table's CHECK constraint). */
    public boolean accepts(JsonValue value) {
        if (value == null) {
            return false;
        }
        return switch (this) {
            case string -> value.getValueType() == JsonValue.ValueType.STRING;
            case integer -> value instanceof JsonNumber number && number.isIntegral();
            case decimal -> value instanceof JsonNumber;
            case bool -> value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE;
            case json -> true;
        };
    }

    /** What {@link #accepts} wants, for error messages. */
    public String expectation() {
        return switch (this) {
            case string -> "must be a JSON string";
            case integer -> "must be a whole number";
            case decimal -> "must be a number";
            case bool -> "must be true or false";
            case json -> "must be JSON";
        };
    }
}

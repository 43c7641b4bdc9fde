package com.allocar.platform.settings;

/** The JSON type a setting's value must have (checked by the database); {@code bool} because {@code boolean} is a Java keyword. */
public enum SettingValueType {
    string, integer, decimal, bool, json
}

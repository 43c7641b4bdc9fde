package com.allocar.admin;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link AdminRole} as its {@link AdminRole#value() value} ("super", "ops", …). */
@Converter
public class AdminRoleConverter implements AttributeConverter<AdminRole, String> {
    @Override
    public String convertToDatabaseColumn(AdminRole role) {
        return role == null ? null : role.value();
    }

    @Override
    public AdminRole convertToEntityAttribute(String value) {
        return value == null ? null : AdminRole.of(value);
    }
}

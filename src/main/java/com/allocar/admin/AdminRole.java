package com.allocar.admin;

/**
 * Admin roles (section 14 of the specification). The database, token and JSON value of each role is its
 * lowercase name, except {@link #super_}, whose value is {@code "super"}: a Java keyword cannot name a
 * constant. Use {@link #value()} and {@link #of(String)} at the edges; {@link AdminRoleConverter} maps the
 * column.
 */
public enum AdminRole {
    super_, ops, support, finance, compliance;

    public String value() {
        return this == super_ ? "super" : name();
    }

    public static AdminRole of(String value) {
        for (AdminRole role : values()) {
            if (role.value().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown admin role: " + value);
    }
}

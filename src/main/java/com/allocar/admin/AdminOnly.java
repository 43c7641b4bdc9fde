package com.allocar.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an admin route and the {@link AdminPermission} it needs; {@link AdminAccessFilter} enforces it:
 * 401 without a token, 403 for a user token or an admin whose role lacks the permission.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AdminOnly {
    AdminPermission value();
}

package com.allocar.platform.web;

import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * Adds fields to every log line written on the current thread. On Liberty they appear as {@code ext_<name>}
 * keys of the JSON log record (LogRecordContext); elsewhere (unit tests) this does nothing.
 */
public final class LogFields {
    private static final Method ADD;
    private static final Method REMOVE;

    static {
        Method add = null;
        Method remove = null;
        try {
            Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
            add = context.getMethod("addExtension", String.class, String.class);
            remove = context.getMethod("removeExtension", String.class);
        } catch (ReflectiveOperationException | LinkageError notOnLiberty) {
            Logger.getLogger(LogFields.class.getName()).fine("LogRecordContext not available; log fields off");
        }
        ADD = add;
        REMOVE = remove;
    }

    private LogFields() {
    }

    public static void put(String name, String value) {
        if (ADD == null || value == null) {
            return;
        }
        try {
            ADD.invoke(null, name, value);
        } catch (ReflectiveOperationException e) {
            // Logging context is best effort; the request goes on.
        }
    }

    public static void remove(String name) {
        if (REMOVE == null) {
            return;
        }
        try {
            REMOVE.invoke(null, name);
        } catch (ReflectiveOperationException e) {
            // Best effort, as above.
        }
    }
}

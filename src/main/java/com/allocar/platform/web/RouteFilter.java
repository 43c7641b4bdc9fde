package com.allocar.platform.web;

import com.allocar.platform.api.AlloCarApplication;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Records the matched route template and the caller for the request log and the metrics. */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RouteFilter implements ContainerRequestFilter {
    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method != null) {
            request.setProperty(RequestAttributes.ROUTE,
                    TEMPLATES.computeIfAbsent(method, m -> template(resourceInfo.getResourceClass(), m)));
        }
        Principal caller = request.getSecurityContext().getUserPrincipal();
        if (caller != null) {
            request.setProperty(RequestAttributes.SUBJECT, caller.getName());
            LogFields.put("user_id", caller.getName());
        }
    }

    static String template(Class<?> resource, Method method) {
        StringBuilder path = new StringBuilder(AlloCarApplication.ROOT);
        append(path, resource.getAnnotation(Path.class));
        append(path, method.getAnnotation(Path.class));
        return path.toString();
    }

    private static void append(StringBuilder path, Path segment) {
        if (segment == null || segment.value().isEmpty() || "/".equals(segment.value())) {
            return;
        }
        String value = segment.value().replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}");
        if (!value.startsWith("/")) {
            path.append('/');
        }
        path.append(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }
}

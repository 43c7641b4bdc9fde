package com.allocar.admin;

import com.allocar.platform.errors.ApiExceptionMapper;
import com.allocar.platform.errors.AuthRequiredException;
import com.allocar.platform.errors.ForbiddenException;
import com.allocar.platform.security.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The one check in front of every admin route: the caller is an admin whose role holds the permission. */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AdminAccessFilter implements ContainerRequestFilter {
    @Context
    ResourceInfo resourceInfo;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        AdminOnly rule = resourceInfo.getResourceMethod() == null ? null
                : resourceInfo.getResourceMethod().getAnnotation(AdminOnly.class);
        if (rule == null) {
            return;
        }
        if (!caller.authenticated()) {
            request.abortWith(ApiExceptionMapper.of(new AuthRequiredException("This operation needs an admin token.")));
            return;
        }
        boolean granted = caller.isAdmin() && caller.adminRole().flatMap(AdminAccessFilter::role)
                .filter(rule.value()::grantedTo).isPresent();
        if (!granted) {
            request.abortWith(ApiExceptionMapper.of(new ForbiddenException("Your role does not allow this.",
                    Map.of("permission", rule.value().name()))));
        }
    }

    private static Optional<AdminRole> role(String value) {
        return Arrays.stream(AdminRole.values()).filter(role -> role.value().equals(value)).findFirst();
    }
}

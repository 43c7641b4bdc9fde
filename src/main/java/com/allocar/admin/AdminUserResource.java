package com.allocar.admin;

import com.allocar.identity.UserStatus;
import com.allocar.identity.UserView;
import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.security.Caller;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/users} (ADM-2): every role reads; super and ops activate and suspend. */
@Path("/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = AlloCarApplication.BEARER)
public class AdminUserResource {
    @Inject
    AdminUserService users;
    @Inject
    Caller caller;

    public record StatusChange(@NotNull UserStatus status, @Size(max = 500) String reason) {
    }

    @GET
    @AdminOnly(AdminPermission.USERS_READ)
    @Operation(operationId = "listUsers", summary = "Search users",
            description = "query (phone, email or name), status=active|suspended, is_driver, created_from, created_to "
                    + "(ISO-8601 or YYYY-MM-DD), page, page_size, sort=created_at|last_name|rating_avg. All roles.")
    @APIResponse(responseCode = "200", description = "A page of users")
    @APIResponse(responseCode = "400", description = "validation_error")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "403", description = "forbidden")
    public Envelope<List<UserView>> list(@Context UriInfo uri) {
        var parameters = uri.getQueryParameters();
        return Envelope.of(users.list(AdminUserService.LIST.parse(parameters), parameters.getFirst("query"),
                instant(parameters.getFirst("created_from"), "created_from"),
                instant(parameters.getFirst("created_to"), "created_to")));
    }

    @GET
    @Path("/{id}")
    @AdminOnly(AdminPermission.USERS_READ)
    @Operation(operationId = "getUser", summary = "One user. All roles.")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "not_found")
    public Envelope<UserView> get(@PathParam("id") UUID id) {
        return Envelope.of(users.get(id));
    }

    @PATCH
    @Path("/{id}")
    @AdminOnly(AdminPermission.USERS_EDIT)
    @Operation(operationId = "updateUserStatus",
            summary = "Activate or suspend a user (suspension ends every session at once). Roles: super, ops.")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "400", description = "validation_error")
    @APIResponse(responseCode = "403", description = "forbidden")
    @APIResponse(responseCode = "404", description = "not_found")
    public Envelope<UserView> changeStatus(@PathParam("id") UUID id, @Valid @NotNull StatusChange change) {
        return Envelope.of(users.changeStatus(caller.adminId(), id, change.status(), change.reason()));
    }

    private static Instant instant(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return (Instant) FilterType.INSTANT.parse(text);
        } catch (RuntimeException e) {
            throw ValidationException.field(field, "must be an ISO-8601 instant or a date");
        }
    }
}

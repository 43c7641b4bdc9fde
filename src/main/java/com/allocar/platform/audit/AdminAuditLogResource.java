package com.allocar.platform.audit;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.admin.AdminOnly;
import com.allocar.admin.AdminPermission;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /admin/audit-logs}: super admins and ops (read) browse the audit trail (ADM-2, section 14). */
@Path("/admin/audit-logs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = AlloCarApplication.BEARER)
public class AdminAuditLogResource {
    @Inject
    AuditLogQueries queries;

    @GET
    @AdminOnly(AdminPermission.AUDIT_READ)
    @Operation(operationId = "listAuditLogs", summary = "List audit entries",
            description = "Filters: actor_type, actor_id, action, entity, entity_id, request_id, created_at_gte, "
                    + "created_at_lte (ISO-8601 or YYYY-MM-DD), each also as `in:a,b`. Sort: created_at, action, "
                    + "entity (default -created_at). Roles: super, ops.")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "Page number, from 1",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000", defaultValue = "1"))
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = "Items per page",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "e.g. -created_at,action",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort field, bad value")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "403", description = "forbidden: role other than super or ops")
    public Envelope<List<AuditLogView>> list(@Context UriInfo uri) {
        return Envelope.of(queries.list(AuditLogQueries.LIST.parse(uri.getQueryParameters())));
    }
}

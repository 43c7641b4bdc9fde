package com.allocar.admin;

import com.allocar.disputes.DisputeDesk;
import com.allocar.disputes.DisputeMessageView;
import com.allocar.disputes.DisputeRequests;
import com.allocar.disputes.DisputeService;
import com.allocar.disputes.DisputeView;
import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Disputes for support (DISP-1, ADM-2): list, read, write to the parties, assign, settle. Roles: super, ops, support,
 * compliance; a resolution that refunds or charges also needs bookings arbitration (super, ops, support).
 */
@Path("/admin/disputes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = AlloCarApplication.BEARER)
@APIResponse(responseCode = "401", description = "auth_required")
@APIResponse(responseCode = "403", description = "forbidden: role other than super, ops, support or compliance")
public class AdminDisputeResource {
    private static final String ROLES = " Roles: super, ops, support, compliance.";

    @Inject
    DisputeDesk desk;
    @Inject
    DisputeAssignees assignees;
    @Inject
    Caller caller;

    @GET
    @AdminOnly(AdminPermission.DISPUTES)
    @Operation(operationId = "adminListDisputes", summary = "Disputes",
            description = "Filters: status, category, assigned_to, booking_id, created_at_gte/_lte (the period). Sort: "
                    + "created_at, updated_at (default -created_at). Pagination: page, page_size." + ROLES)
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "open, investigating, resolved or rejected "
            + "(or in:a,b)", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "category", in = ParameterIn.QUERY, description = "payment, cancellation, no_show, behaviour, "
            + "safety, lost_item or other (or in:a,b)", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "assigned_to", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @APIResponse(responseCode = "200", description = "A page of disputes, meta.pagination")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort, bad value")
    public Envelope<List<DisputeView>> list(@Context UriInfo uri) {
        return Envelope.of(desk.list(DisputeDesk.LIST.parse(uri.getQueryParameters())));
    }

    @GET
    @Path("/{id}")
    @AdminOnly(AdminPermission.DISPUTES)
    @Operation(operationId = "adminGetDispute", summary = "One dispute", description = "With its version (for PATCH)."
            + ROLES)
    @APIResponse(responseCode = "200", description = "The dispute",
            content = @Content(schema = @Schema(implementation = DisputeView.class)))
    @APIResponse(responseCode = "404", description = "not_found")
    public Envelope<DisputeView> get(@PathParam("id") UUID id) {
        return Envelope.of(desk.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminOnly(AdminPermission.DISPUTES)
    @Operation(operationId = "adminUpdateDispute", summary = "Assign, investigate, resolve or reject a dispute",
            description = "version (the one last read) and assignee_id and/or status: open → investigating → resolved "
                    + "| rejected. Resolving or rejecting needs resolution (3..2000 characters, told to both parties). "
                    + "Resolving may refund the passenger (refund_amount, at most what the payment paid less what was "
                    + "refunded; by the means of payment, a wallet payment to the wallet; a completed ride's earning "
                    + "is reversed in proportion) and/or charge the driver (driver_charge, at most the booking's "
                    + "amount, withheld from the next payouts): that needs the role super, ops or support. A dispute "
                    + "is settled once: a repeated PATCH is 409 and moves no money. Audited; both parties notified."
                    + ROLES)
    @APIResponse(responseCode = "200", description = "The dispute as it now stands",
            content = @Content(schema = @Schema(implementation = DisputeView.class)))
    @APIResponse(responseCode = "400", description = "validation_error: version, assignee_id, status, resolution, "
            + "refund_amount, driver_charge, or fields that do not go together")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: reason version_mismatch (version), dispute_closed, "
            + "nothing_to_refund; from/to for a transition not allowed; requested/refundable when the refund is "
            + "more than what is left to refund")
    public Envelope<DisputeView> update(@PathParam("id") UUID id, @Valid @NotNull DisputeRequests.Update change) {
        UUID adminId = caller.adminId();
        if (change.movesMoney()) {
            assignees.requireMoneyRight(caller);
        }
        if (change.assigneeId() != null) {
            assignees.requireAssignable(change.assigneeId());
        }
        return Envelope.of(desk.update(adminId, id, change));
    }

    @GET
    @Path("/{id}/messages")
    @AdminOnly(AdminPermission.DISPUTES)
    @Operation(operationId = "adminListDisputeMessages", summary = "A dispute's messages, oldest first",
            description = "Filter created_at_gte/_lte; pagination page, page_size. Audited (dispute.messages_read)."
                    + ROLES)
    @APIResponse(responseCode = "200", description = "A page of messages, meta.pagination")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort, bad value")
    @APIResponse(responseCode = "404", description = "not_found")
    public Envelope<List<DisputeMessageView>> messages(@PathParam("id") UUID id, @Context UriInfo uri) {
        return Envelope.of(desk.messages(caller.adminId(), id, DisputeService.MESSAGES.parse(uri.getQueryParameters())));
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminOnly(AdminPermission.DISPUTES)
    @Operation(operationId = "adminPostDisputeMessage", summary = "Write to a dispute's parties",
            description = "body: 1 to 2000 characters; at most 200 messages per dispute. Audited "
                    + "(dispute.message_posted)." + ROLES)
    @APIResponse(responseCode = "201", description = "The message as stored",
            content = @Content(schema = @Schema(implementation = DisputeMessageView.class)))
    @APIResponse(responseCode = "400", description = "validation_error: body")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: reason message_limit (limit)")
    public Response post(@PathParam("id") UUID id, @Valid @NotNull DisputeRequests.Message request) {
        return Response.status(Response.Status.CREATED)
                .entity(Envelope.of(desk.post(caller.adminId(), id, request))).build();
    }
}

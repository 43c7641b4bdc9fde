package com.allocar.admin;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.ApiDocumentFilter;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.idempotency.Idempotent;
import com.allocar.platform.security.Caller;
import com.allocar.promos.AdminPromoView;
import com.allocar.promos.PromoAdmin;
import com.allocar.promos.PromoRequest;
import com.allocar.promos.PromoStatus;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Promo codes for marketing (PROMO-1, ADM-2): CRUD and activation, every change audited. Roles: super, ops. */
@Path("/admin/promos")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = AlloCarApplication.BEARER)
@APIResponse(responseCode = "401", description = "auth_required")
@APIResponse(responseCode = "403", description = "forbidden: role other than super or ops")
public class AdminPromoResource {
    @Inject
    PromoAdmin promos;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)
    @AdminOnly(AdminPermission.PROMOS_AND_REFERRALS)
    @Operation(operationId = "adminCreatePromo", summary = "Create a promo code (inactive until activated)",
            description = "code (3..32 letters, digits, - or _; stored upper case), type amount|percent and value "
                    + "required; optional max_discount (percent only), min_fare, first_ride_only, max_uses, "
                    + "per_user_limit, starts_at/ends_at, description. Audited (promo.created). Roles: super, ops.")
    @APIResponse(responseCode = "201", description = "The promo, inactive",
            content = @Content(schema = @Schema(implementation = AdminPromoView.class)))
    @APIResponse(responseCode = "400", description = "validation_error")
    @APIResponse(responseCode = "409", description = "conflict: code_taken")
    @APIResponse(responseCode = "422", description = "idempotency_conflict")
    public Response create(@Valid @NotNull PromoRequest request, @Context UriInfo uri) {
        AdminPromoView created = promos.create(caller.adminId(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(Envelope.of(created)).build();
    }

    @GET
    @AdminOnly(AdminPermission.PROMOS_AND_REFERRALS)
    @Operation(operationId = "adminListPromos", summary = "Promo codes",
            description = "Filters: status, code (any case), type, created_at_gte/_lte (the period), starts_at_gte/_lte, "
                    + "ends_at_gte/_lte. Sort: created_at, code, uses_count (default -created_at). Pagination: page, "
                    + "page_size. Roles: super, ops.")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "active or inactive",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "code", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of promos, meta.pagination")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort, bad value")
    public Envelope<List<AdminPromoView>> list(@Context UriInfo uri) {
        return Envelope.of(promos.list(PromoAdmin.LIST.parse(uri.getQueryParameters())));
    }

    @GET
    @Path("/{id}")
    @AdminOnly(AdminPermission.PROMOS_AND_REFERRALS)
    @Operation(operationId = "adminGetPromo", summary = "One promo with its usage",
            description = "usage: reserved, consumed and released redemptions, the discounts granted and the "
                    + "passengers, computed in SQL. Roles: super, ops.")
    @APIResponse(responseCode = "200", description = "The promo and its usage")
    @APIResponse(responseCode = "404", description = "not_found")
    public Envelope<AdminPromoView> get(@PathParam("id") UUID id) {
        return Envelope.of(promos.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminOnly(AdminPermission.PROMOS_AND_REFERRALS)
    @Operation(operationId = "adminUpdatePromo", summary = "Edit a promo",
            description = "Only the fields given change; clear lists optional rules to empty. A redeemed promo keeps "
                    + "its code and type; past redemptions keep their discount. max_uses never below uses_count. "
                    + "Audited (promo.updated, each change as [before, after]). Roles: super, ops.")
    @APIResponse(responseCode = "200", description = "The promo")
    @APIResponse(responseCode = "400", description = "validation_error")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: code_taken, promo_redeemed (code or type of a "
            + "redeemed promo), below_uses (max_uses under uses_count)")
    public Envelope<AdminPromoView> edit(@PathParam("id") UUID id, @Valid @NotNull PromoRequest request) {
        return Envelope.of(promos.edit(caller.adminId(), id, request));
    }

    @POST
    @Path("/{id}/activate")
    @AdminOnly(AdminPermission.PROMOS_AND_REFERRALS)
    @Operation(operationId = "adminActivatePromo", summary = "Activate a promo",
            description = "The code applies to new reservations (within its window). Audited (promo.activated) when "
                    + "it changes. Roles: super, ops.")
    @APIResponse(responseCode = "200", description = "The promo")
    @APIResponse(responseCode = "404", description = "not_found")
    public Envelope<AdminPromoView> activate(@PathParam("id") UUID id) {
        return Envelope.of(promos.setStatus(caller.adminId(), id, PromoStatus.active));
    }

    @POST
    @Path("/{id}/deactivate")
    @AdminOnly(AdminPermission.PROMOS_AND_REFERRALS)
    @Operation(operationId = "adminDeactivatePromo", summary = "Deactivate a promo",
            description = "The code no longer applies to new reservations (answered as unknown); reservations already "
                    + "made are honoured when their payment succeeds. Audited (promo.deactivated) when it changes. "
                    + "Roles: super, ops.")
    @APIResponse(responseCode = "200", description = "The promo")
    @APIResponse(responseCode = "404", description = "not_found")
    public Envelope<AdminPromoView> deactivate(@PathParam("id") UUID id) {
        return Envelope.of(promos.setStatus(caller.adminId(), id, PromoStatus.inactive));
    }

    @DELETE
    @Path("/{id}")
    @AdminOnly(AdminPermission.PROMOS_AND_REFERRALS)
    @Operation(operationId = "adminDeletePromo", summary = "Delete a promo nobody redeemed",
            description = "For a code made by mistake. A promo with any redemption (reserved, consumed or released) "
                    + "stays for the records of its payments: deactivate it instead. Audited (promo.deleted, with "
                    + "the promo as it was). Roles: super, ops.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: promo_redeemed")
    public Response delete(@PathParam("id") UUID id) {
        promos.delete(caller.adminId(), id);
        return Response.noContent().build();
    }
}

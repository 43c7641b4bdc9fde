package com.allocar.admin;

import com.allocar.payouts.AdminPayoutView;
import com.allocar.payouts.PayoutExport;
import com.allocar.payouts.PayoutFinance;
import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.ApiDocumentFilter;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.idempotency.Idempotent;
import com.allocar.platform.security.Caller;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/** Driver payouts for finance (JOB-1, ADM-2): run now, list, export, retry, resolve. Roles: super, finance. */
@Path("/admin/payouts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = AlloCarApplication.BEARER)
@APIResponse(responseCode = "401", description = "auth_required")
@APIResponse(responseCode = "403", description = "forbidden: role other than super or finance")
public class AdminPayoutResource {
    @Inject
    PayoutFinance payouts;
    @Inject
    PayoutExport export;
    @Inject
    Caller caller;

    /** Finance's decision on a payout the platform could not settle. */
    @Schema(name = "PayoutResolveRequest")
    public record ResolveRequest(
            @NotNull @Pattern(regexp = "^(paid|failed)$", message = "must be paid or failed")
            @Schema(enumeration = {"paid", "failed"}, description = "paid: the driver received it (Wave's records say "
                    + "so); failed: not received, the amount goes back to the driver's balance") String outcome,
            @Size(max = 100) @Schema(description = "Wave's payout id, when finance found it") String providerRef,
            @NotBlank @Size(min = 3, max = 500) String note) {
        public ResolveRequest {
            note = note == null ? null : note.strip();
        }
    }

    @POST
    @Path("/run")
    @Idempotent
    @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminRunPayouts", summary = "Run the payouts job now",
            description = "Starts the payouts job with the current time as cut-off and answers its execution id "
                    + "(follow it in the batch console or GET /ibm/api/batch/jobexecutions/{id}). Accepts "
                    + "Idempotency-Key. Audited (payouts.run_started). Roles: super, finance.")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(schema = @Schema(implementation = PayoutFinance.RunStarted.class)))
    @APIResponse(responseCode = "409", description = "conflict: a payouts run is going on")
    public Response run() {
        return Response.accepted(Envelope.of(payouts.run(caller.adminId()))).build();
    }

    @GET
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminListPayouts", summary = "Payouts",
            description = "Filters: status, driver_id, created_at_gte/_lte (the period), amount_gte/_lte. Sort: "
                    + "created_at, amount (default -created_at). Pagination: page, page_size. Roles: super, finance.")
    @Parameter(name = "status", in = ParameterIn.QUERY,
            description = "scheduled, processing, paid, failed or needs_review (or in:a,b)",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "driver_id", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @APIResponse(responseCode = "200", description = "A page of payouts, meta.pagination")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort, bad value")
    public Envelope<List<AdminPayoutView>> list(@Context UriInfo uri) {
        return Envelope.of(payouts.list(PayoutFinance.LIST.parse(uri.getQueryParameters())));
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminExportPayouts", summary = "Export payouts (CSV or XLSX)",
            description = "Streamed, oldest first: the pending payouts (scheduled, processing, needs_review) unless "
                    + "status says otherwise (one status or in:a,b). One row per payout with the number paid. Roles: "
                    + "super, finance.")
    @Parameter(name = "format", in = ParameterIn.QUERY, schema = @Schema(enumeration = {"csv", "xlsx"}))
    @Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "validation_error: format or status")
    public Response export(@QueryParam("format") String format, @QueryParam("status") String status) {
        PayoutExport.Format chosen = PayoutExport.Format.of(format);
        var statuses = PayoutExport.statuses(status);
        String name = "payouts-" + LocalDate.now(ZoneOffset.UTC) + "." + chosen.extension;
        return Response.ok(export.stream(chosen, statuses), chosen.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @POST
    @Path("/{id}/retry")
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminRetryPayout", summary = "Retry a payout",
            description = "processing (outcome unknown): asks Wave again now, a resend keeping the payout's "
                    + "idempotency key; failed: makes and sends a new payout of the driver's available balance (the "
                    + "failed one's amount came back to it). Answers the payout attempted. Audited (payout.retry). "
                    + "Roles: super, finance.")
    @APIResponse(responseCode = "200", description = "The payout attempted, as it now stands")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: paid or in review, being attempted, or nothing to pay")
    public Envelope<AdminPayoutView> retry(@PathParam("id") UUID id) {
        return Envelope.of(payouts.retry(caller.adminId(), id));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminResolvePayout", summary = "Resolve a payout in needs_review",
            description = "After checking Wave's records: paid, or failed (its amount back to the driver's balance in "
                    + "the same transaction). Also for a payout stuck processing that nobody is attempting. The note "
                    + "(3..500 characters) says what finance checked. Audited (payout.resolved). Roles: super, finance.")
    @APIResponse(responseCode = "200", description = "The resolved payout")
    @APIResponse(responseCode = "400", description = "validation_error: outcome or note missing or invalid")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: not in needs_review (details.from)")
    public Envelope<AdminPayoutView> resolve(@PathParam("id") UUID id, @Valid @NotNull ResolveRequest resolution) {
        return Envelope.of(payouts.resolve(caller.adminId(), id, "paid".equals(resolution.outcome()),
                resolution.providerRef(), resolution.note()));
    }
}

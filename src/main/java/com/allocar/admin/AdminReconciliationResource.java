package com.allocar.admin;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.ApiDocumentFilter;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.idempotency.Idempotent;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.security.Caller;
import com.allocar.reconciliation.ReconciliationItemView;
import com.allocar.reconciliation.ReconciliationJobs;
import com.allocar.reconciliation.ReconciliationReports;
import com.allocar.reconciliation.ReconciliationRunView;
import com.allocar.reconciliation.RunRequest;
import com.allocar.reconciliation.RunStarted;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
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
 * The daily payment reconciliation for finance (issue 13, point 3b; docs/reconciliation.md): its runs, their
 * differences (JSON pages, or CSV), and a run started now. Roles: super, finance.
 */
@Path("/admin/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = AlloCarApplication.BEARER)
@APIResponse(responseCode = "401", description = "auth_required")
@APIResponse(responseCode = "403", description = "forbidden: role other than super or finance")
public class AdminReconciliationResource {
    static final String CSV = "text/csv";

    @Inject
    ReconciliationJobs jobs;
    @Inject
    ReconciliationReports reports;
    @Inject
    Caller caller;

    @POST
    @Path("/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminRunReconciliation", summary = "Reconcile a day now",
            description = "Opens a run of the day (default yesterday, UTC) for one provider or all, and starts the "
                    + "reconciliation job on it; poll GET /admin/reconciliation/runs/{id}. Audited "
                    + "(reconciliation.run_started). Accepts Idempotency-Key. Roles: super, finance.")
    @APIResponse(responseCode = "202", description = "The run, running, and the batch job execution working on it; "
            + "Location names the run", content = @Content(schema = @Schema(implementation = RunStarted.class)))
    @APIResponse(responseCode = "400", description = "validation_error: day not an ISO date or after today, provider")
    @APIResponse(responseCode = "409", description = "conflict: a run of that day and provider is running "
            + "(details.reason run_in_progress, details.run_id)")
    @APIResponse(responseCode = "503", description = "service_unavailable: the batch runtime did not start the job")
    public Response run(@Valid RunRequest request, @Context UriInfo uri) {
        RunStarted started = jobs.request(caller.adminId(), request);
        return Response.accepted(Envelope.of(started))
                .location(uri.getBaseUriBuilder().path("admin/reconciliation/runs").path(started.run().id().toString())
                        .build())
                .build();
    }

    @GET
    @Path("/runs")
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminListReconciliationRuns", summary = "Reconciliation runs",
            description = "Filters: status (running, done, failed), provider, triggered_by (schedule, admin, console), "
                    + "day, day_gte, day_lte (ISO dates), created_at_gte/lte. Standard pagination; sort created_at or "
                    + "day (default newest first). Roles: super, finance.")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "running, done or failed",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "day", in = ParameterIn.QUERY, example = "2026-12-01", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of runs")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort field, bad value")
    public Envelope<List<ReconciliationRunView>> runs(@Context UriInfo uri) {
        return Envelope.of(reports.runs(uri.getQueryParameters()));
    }

    @GET
    @Path("/runs/{id}")
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminGetReconciliationRun", summary = "One reconciliation run",
            description = "Its status, progress and counts. Roles: super, finance.")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", description = "not_found")
    public Envelope<ReconciliationRunView> run(@PathParam("id") UUID id) {
        return Envelope.of(reports.run(id));
    }

    @GET
    @Path("/runs/{id}/items")
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminListReconciliationItems", summary = "The differences a run found",
            description = "Filters: kind (missing_at_provider, missing_here, amount_mismatch, status_mismatch), "
                    + "provider, record_type (payment, refund), repaired (true, false), payment_id. Standard "
                    + "pagination; sort created_at (default oldest first). The same as CSV: "
                    + "GET /admin/reconciliation/runs/{id}/export?format=csv. Roles: super, finance.")
    @Parameter(name = "kind", in = ParameterIn.QUERY,
            description = "missing_at_provider, missing_here, amount_mismatch or status_mismatch",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "repaired", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN))
    @APIResponse(responseCode = "200", description = "A page of differences")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort field, bad value")
    @APIResponse(responseCode = "404", description = "not_found: no such run")
    public Envelope<List<ReconciliationItemView>> items(@PathParam("id") UUID id, @Context UriInfo uri) {
        return Envelope.of(reports.items(id, ReconciliationReports.ITEMS.parse(uri.getQueryParameters())));
    }

    @GET
    @Path("/runs/{id}/export")
    @Produces({CSV, MediaType.APPLICATION_JSON})
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminExportReconciliationItems", summary = "The differences of a run as CSV",
            description = "format=csv (the default and only format): RFC 4180, UTF-8, a header line, one line per "
                    + "difference, streamed; the same filters as the items list. Audited "
                    + "(reconciliation.items_exported). Roles: super, finance.")
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "csv",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"csv"}))
    @APIResponse(responseCode = "200", description = "The differences, CSV",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter, bad value or format")
    @APIResponse(responseCode = "404", description = "not_found: no such run")
    public Response export(@PathParam("id") UUID id, @Context UriInfo uri) {
        ListQuery query = reports.exportRequested(caller.adminId(), id, uri.getQueryParameters());
        StreamingOutput body = out -> reports.writeCsv(id, query, out);
        return Response.ok(body, CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"reconciliation-" + id + ".csv\"")
                .header("Cache-Control", "private, no-store").build();
    }
}

package com.allocar.earnings;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The driver's earnings ledger: balances by state, totals by period, and its entries. */
@Path("/me/earnings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Earnings", description = "What a driver earned, is owed and was paid")
public class EarningsResource {
    @Inject
    EarningsService earnings;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getMyEarnings", summary = "My earnings",
            description = "available: what the next payout run may pay (at least payouts.minimum, approved KYC and a "
                    + "verified phone needed); pending: earned, still within the hold after the ride; in_payout and "
                    + "paid: payouts. periods: the ledger's totals in the period (default the last 366 days; Nd, "
                    + "YYYY-MM, YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, UTC) by day, week or month (default).")
    @Parameter(name = "period", in = ParameterIn.QUERY, example = "90d", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "group", in = ParameterIn.QUERY, schema = @Schema(enumeration = {"day", "week", "month"}))
    @APIResponse(responseCode = "200", description = "The balances and the totals by period")
    @APIResponse(responseCode = "400", description = "validation_error: period or group")
    @APIResponse(responseCode = "401", description = "auth_required")
    public Envelope<EarningsView> get(@QueryParam("period") String period, @QueryParam("group") String group) {
        return Envelope.of(earnings.earnings(caller.userId(), period, group, Instant.now()));
    }

    @GET
    @Path("/entries")
    @Operation(operationId = "listMyEarningEntries", summary = "My ledger entries",
            description = "Every movement of the driver's balance: earnings, cancellation compensation, reversals, "
                    + "fines, payouts and returned payouts. Filters: kind, created_at_gte/_lte. Sort: created_at, "
                    + "amount (default -created_at). Pagination: page, page_size (1..100, default 20).")
    @Parameter(name = "kind", in = ParameterIn.QUERY, schema = @Schema(implementation = LedgerKind.class))
    @Parameter(name = "sort", in = ParameterIn.QUERY, example = "-created_at", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of entries, meta.pagination")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort, bad value")
    @APIResponse(responseCode = "401", description = "auth_required")
    public Envelope<List<LedgerEntryView>> entries(@Context UriInfo uri) {
        return Envelope.of(earnings.entries(caller.userId(), EarningsService.ENTRIES.parse(uri.getQueryParameters())));
    }
}

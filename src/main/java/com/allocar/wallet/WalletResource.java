package com.allocar.wallet;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.ApiDocumentFilter;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.idempotency.Idempotent;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
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

/** The caller's wallet (WAL-1): balance, movements, withdrawals. Top-ups: {@code POST /wallet/topup}, elsewhere. */
@Path("/wallet")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Wallet", description = "The user's balance, its movements and withdrawals")
public class WalletResource {
    private static final String OFF = "forbidden: the wallet is turned off (details.setting = enable_wallet)";

    @Inject
    WalletService wallet;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getMyWallet",
            summary = "My wallet", description = "Created empty on first use. pending_withdrawals: withdrawals "
            + "already debited and still being paid out.")
    @APIResponse(responseCode = "200", description = "The wallet")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "403", description = OFF)
    public Envelope<WalletView> get() {
        return Envelope.of(wallet.wallet(caller.userId()));
    }

    @GET
    @Path("/txns")
    @Operation(operationId = "listWalletTransactions",
            summary = "My wallet's movements", description = "Filters: type (credit, debit), status (pending, "
            + "completed, failed), created_at_gte/_lte, amount_gte/_lte, period (7d: the last 7 days, 1d to 366d; "
            + "YYYY-MM; YYYY-MM-DD; YYYY-MM-DD..YYYY-MM-DD, both days included; days in UTC). Sort: created_at, "
            + "amount (default -created_at). Pagination: page, page_size (1..100, default 20).")
    @Parameter(name = "type", in = ParameterIn.QUERY, schema = @Schema(enumeration = {"credit", "debit"}))
    @Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(enumeration = {"pending", "completed", "failed"}))
    @Parameter(name = "period", in = ParameterIn.QUERY, example = "30d", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "sort", in = ParameterIn.QUERY, example = "-amount", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of movements, meta.pagination")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort, bad value or period")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "403", description = OFF)
    public Envelope<List<WalletTxnView>> txns(@Context UriInfo uri) {
        var parameters = uri.getQueryParameters();
        return Envelope.of(wallet.txns(caller.userId(), WalletService.TXNS.parse(parameters),
                WalletPeriod.optional(parameters.getFirst("period"), Instant.now())));
    }

    @POST
    @Path("/withdraw")
    @Idempotent
    @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)
    @Operation(operationId = "withdrawFromWallet",
            summary = "Withdraw to mobile money", description = "Debits the wallet at once and pays out "
            + "asynchronously: poll GET /wallet/withdrawals/{id}. If the payout fails the amount comes back to the "
            + "wallet. Needs an approved KYC; amount in whole francs, at least the setting wallet.withdraw_minimum; "
            + "method: a method with payouts (wave). Accepts Idempotency-Key.")
    @APIResponse(responseCode = "202", description = "The withdrawal, requested; Location names it",
            content = @Content(schema = @Schema(implementation = WithdrawalView.class)))
    @APIResponse(responseCode = "400", description = "validation_error: amount (details.minimum), method "
            + "(details.methods), phone")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "402", description = "insufficient_funds (details.balance, details.required)")
    @APIResponse(responseCode = "403", description = "kyc_required, or " + OFF)
    @APIResponse(responseCode = "503", description = "service_unavailable: the payout provider is not configured")
    public Response withdraw(@Valid @NotNull WithdrawRequest request, @Context UriInfo uri) {
        WithdrawalView made = wallet.withdraw(caller.userId(), request);
        return Response.accepted(Envelope.of(made))
                .location(uri.getBaseUriBuilder().path("wallet/withdrawals").path(made.id().toString()).build())
                .build();
    }

    @GET
    @Path("/withdrawals/{id}")
    @Operation(operationId = "getWithdrawal", summary = "One of my withdrawals")
    @APIResponse(responseCode = "200", description = "The withdrawal")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "403", description = OFF)
    @APIResponse(responseCode = "404", description = "not_found: no such withdrawal, or not mine")
    public Envelope<WithdrawalView> withdrawal(@PathParam("id") UUID id) {
        return Envelope.of(wallet.withdrawal(id));
    }
}

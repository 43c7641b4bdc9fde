package com.allocar.admin;

import com.allocar.payments.AdminPaymentView;
import com.allocar.payments.AdminPayments;
import com.allocar.payments.AdminRefundView;
import com.allocar.payments.RefundReviews;
import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import com.allocar.wallet.AdminWithdrawalView;
import com.allocar.wallet.WalletDebtStatus;
import com.allocar.wallet.WalletDebtView;
import com.allocar.wallet.WalletFinance;
import com.allocar.wallet.WalletPeriod;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Money whose fate finance decides (issue 12), for super and finance admins: refunds and withdrawals whose
 * provider outcome is uncertain (needs_review) or that finance pays out by hand (MANUAL refunds), and debts left by
 * reversed card top-ups. Every resolution carries a note and is audited. Also the list of all payments (ADM-2).
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = AlloCarApplication.BEARER)
@APIResponse(responseCode = "401", description = "auth_required")
@APIResponse(responseCode = "403", description = "forbidden: role other than super or finance")
public class AdminMoneyResource {
    @Inject
    RefundReviews refunds;
    @Inject
    WalletFinance wallets;
    @Inject
    Caller caller;
    @Inject
    AdminPayments payments;

    /** Finance's decision on a refund or withdrawal in needs_review, after checking the provider's records. */
    @Schema(name = "ResolveRequest")
    public record ResolveRequest(
            @NotNull @Pattern(regexp = "^(paid|failed)$", message = "must be paid or failed")
            @Schema(description = "paid: the money reached the payer; failed: it did not (a withdrawal is credited "
                    + "back to the wallet, a refund becomes refundable again)", enumeration = {"paid", "failed"})
            String outcome,
            @NotBlank @Size(min = 3, max = 500) String note) {
        public ResolveRequest {
            note = note == null ? null : note.strip();
        }

        boolean paid() {
            return "paid".equals(outcome);
        }
    }

    /** Finance's decision on an open debt. */
    @Schema(name = "DebtResolveRequest")
    public record DebtResolveRequest(
            @NotNull @Pattern(regexp = "^(recovered|written_off)$", message = "must be recovered or written_off")
            @Schema(enumeration = {"recovered", "written_off"}) String outcome,
            @NotBlank @Size(min = 3, max = 500) String note) {
        public DebtResolveRequest {
            note = note == null ? null : note.strip();
        }
    }

    private static final String LIST_NOTE = " Standard pagination; sort created_at or amount (default oldest first). "
            + "Roles: super, finance.";

    @GET
    @Path("/payments/refunds")
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminListRefunds", summary = "Refunds, e.g. those finance must review",
            description = "Filters: status (needs_review: the provider may have refunded after an unanswered send, "
                    + "or a MANUAL refund to pay out by hand), route, payment_id, created_at_gte/lte." + LIST_NOTE)
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "pending, completed, failed or needs_review",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "route", in = ParameterIn.QUERY, description = "WALLET, ORIGINAL or MANUAL",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of refunds")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort field, bad value")
    public Envelope<List<AdminRefundView>> refunds(@Context UriInfo uri) {
        return Envelope.of(refunds.list(RefundReviews.LIST.parse(uri.getQueryParameters())));
    }

    @POST
    @Path("/payments/refunds/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminResolveRefund", summary = "Resolve a refund in needs_review",
            description = "paid: completed, the payment's refunded amount grows; failed: not refunded, the amount is "
                    + "refundable again. The note (3..500 characters) says what finance checked. Audited "
                    + "(payment.refund_resolved). Roles: super, finance.")
    @APIResponse(responseCode = "200", description = "The resolved refund")
    @APIResponse(responseCode = "400", description = "validation_error: outcome or note missing or invalid")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: the refund is not in needs_review (details.from)")
    public Envelope<AdminRefundView> resolveRefund(@PathParam("id") UUID id, @Valid @NotNull ResolveRequest resolution) {
        return Envelope.of(refunds.resolve(caller.adminId(), id, resolution.paid(), resolution.note()));
    }

    @GET
    @Path("/wallet/withdrawals")
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminListWithdrawals", summary = "Withdrawals, e.g. those finance must review",
            description = "Filters: status (needs_review: a payout may have been made after an unanswered send), "
                    + "user_id, created_at_gte/lte." + LIST_NOTE)
    @Parameter(name = "status", in = ParameterIn.QUERY,
            description = "requested, processing, needs_review, done or failed", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of withdrawals")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort field, bad value")
    public Envelope<List<AdminWithdrawalView>> withdrawals(@Context UriInfo uri) {
        return Envelope.of(wallets.withdrawals(WalletFinance.WITHDRAWALS.parse(uri.getQueryParameters())));
    }

    @POST
    @Path("/wallet/withdrawals/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminResolveWithdrawal", summary = "Resolve a withdrawal in needs_review",
            description = "paid: done; failed: failed and the amount credited back to the wallet in the same "
                    + "transaction. Audited (wallet.withdrawal.resolved). Roles: super, finance.")
    @APIResponse(responseCode = "200", description = "The resolved withdrawal")
    @APIResponse(responseCode = "400", description = "validation_error: outcome or note missing or invalid")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: the withdrawal is not in needs_review (details.from)")
    public Envelope<AdminWithdrawalView> resolveWithdrawal(@PathParam("id") UUID id,
                                                           @Valid @NotNull ResolveRequest resolution) {
        return Envelope.of(wallets.resolveWithdrawal(caller.adminId(), id, resolution.paid(), resolution.note()));
    }

    @GET
    @Path("/wallet/debts")
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminListWalletDebts", summary = "Debts left by reversed card top-ups",
            description = "A top-up refunded or charged back after its credit was spent: what the wallet could not "
                    + "give back. While one is open the wallet pays nothing out. Filters: status (open, recovered, "
                    + "written_off), user_id, created_at_gte/lte." + LIST_NOTE)
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "open, recovered or written_off",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of debts")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort field, bad value")
    public Envelope<List<WalletDebtView>> debts(@Context UriInfo uri) {
        return Envelope.of(wallets.debts(WalletFinance.DEBTS.parse(uri.getQueryParameters())));
    }

    @POST
    @Path("/wallet/debts/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminResolveWalletDebt", summary = "Close an open debt",
            description = "recovered (the money was collected) or written_off; the wallet may pay out again once no "
                    + "debt is open. Audited (wallet.debt.resolved). Roles: super, finance.")
    @APIResponse(responseCode = "200", description = "The resolved debt")
    @APIResponse(responseCode = "400", description = "validation_error: outcome or note missing or invalid")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: the debt is not open (details.from)")
    public Envelope<WalletDebtView> resolveDebt(@PathParam("id") UUID id, @Valid @NotNull DebtResolveRequest resolution) {
        return Envelope.of(wallets.resolveDebt(caller.adminId(), id, WalletDebtStatus.valueOf(resolution.outcome()),
                resolution.note()));
    }

    @GET
    @Path("/payments")
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminListPayments", summary = "Payments (ADM-2)",
            description = "Every payment, booking or top-up, with the payer, the provider's references and the "
                    + "platform's take. Filters: status, method, purpose, booking_id, user_id, amount_gte/lte, "
                    + "created_at_gte/lte, paid_at_gte/lte, period (creation: 7d for the last 7 days, 1d to 366d; "
                    + "YYYY-MM; YYYY-MM-DD; YYYY-MM-DD..YYYY-MM-DD, UTC). Standard pagination; sort created_at, "
                    + "paid_at or amount (default newest first). Roles: super, finance.")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "init, authorized, paid, failed or refunded",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "method", in = ParameterIn.QUERY, description = "wave, orange, mtn, card or wallet",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "period", in = ParameterIn.QUERY, example = "30d", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of payments")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort field, bad value or period")
    public Envelope<List<AdminPaymentView>> payments(@Context UriInfo uri) {
        var parameters = uri.getQueryParameters();
        return Envelope.of(payments.list(AdminPayments.LIST.parse(parameters),
                WalletPeriod.optional(parameters.getFirst("period"), Instant.now())));
    }
}

package com.allocar.admin;

import com.allocar.payments.PaymentReviews;
import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /admin/payment-attempts/needs-review}: provider successes finance must settle by hand (issue 12). */
@Path("/admin/payment-attempts/needs-review")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = AlloCarApplication.BEARER)
public class AdminPaymentReviewResource {
    @Inject
    PaymentReviews reviews;

    @GET
    @AdminOnly(AdminPermission.PAYMENTS_AND_PAYOUTS)
    @Operation(operationId = "adminListPaymentsNeedingReview", summary = "Provider successes that need review", description = "Verified successes that were not "
            + "applied automatically: an attempt whose reported amount or currency is not ours (kind attempt), or a "
            + "signed event naming no attempt of ours (kind webhook_event). Newest first, at most 200. Roles: super, "
            + "finance.")
    @APIResponse(responseCode = "200", description = "The items to review")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "403", description = "forbidden: role other than super or finance")
    public Envelope<List<PaymentReviews.Item>> list() {
        return Envelope.of(reviews.needsReview());
    }
}

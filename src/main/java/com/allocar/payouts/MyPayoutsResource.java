package com.allocar.payouts;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListSpec;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

/** The driver's own payouts. */
@Path("/me/payouts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Earnings")
public class MyPayoutsResource {
    static final ListSpec LIST = ListSpec.builder()
            .filter("status", FilterType.of(PayoutStatus.class))
            .filter("created_at", FilterType.INSTANT)
            .sortable("created_at", "amount")
            .defaultSort("created_at", true)
            .build();

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listMyPayouts", summary = "My payouts",
            description = "Newest first unless sorted otherwise. Filters: status, created_at_gte/_lte. Sort: "
                    + "created_at, amount. Pagination: page, page_size (1..100, default 20).")
    @Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(implementation = PayoutStatus.class))
    @Parameter(name = "sort", in = ParameterIn.QUERY, example = "-created_at", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of payouts, meta.pagination")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort, bad value")
    @APIResponse(responseCode = "401", description = "auth_required")
    public Envelope<List<PayoutView>> list(@Context UriInfo uri) {
        var driverId = caller.userId();
        return Envelope.of(JpaLists.page(em, Payout.class, LIST.parse(uri.getQueryParameters()),
                PayoutFinance.ATTRIBUTES, (cb, root) -> List.of(cb.equal(root.get("driverId"), driverId)))
                .map(PayoutView::of));
    }
}

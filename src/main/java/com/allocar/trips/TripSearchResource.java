package com.allocar.trips;

import com.allocar.platform.api.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public trip search (TRIP-3): no token needed. One instance serves every request (it holds no request state): as a
 * per-request resource, its construction and injection cost a seventh of the request's time in Liberty.
 */
@ApplicationScoped
@Path("/trips/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Trips")
public class TripSearchResource {
    @Inject
    TripSearchService search;

    @GET
    @Operation(operationId = "searchTrips", summary = "Search published trips between two places",
            description = "A trip matches when its origin or a stop allowing pickup lies within `radius_km` of `from`, "
                    + "and its destination or a later stop allowing drop-off lies within `radius_km` of `to`. Only "
                    + "published trips that have not left and have the asked free seats. Each trip appears once, "
                    + "with its closest pickup and drop-off. Distances are straight lines on the Earth's sphere. "
                    + "Answers may be up to 30 s old, except that a trip's own change is seen at once.")
    @Parameter(name = "from", in = ParameterIn.QUERY, required = true, description = "lat,lon, e.g. 5.3575,-4.0083",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "to", in = ParameterIn.QUERY, required = true, description = "lat,lon, e.g. 6.8190,-5.2760",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "date", in = ParameterIn.QUERY, description = "Departure day (UTC), today or later; "
            + "or use departure_after/departure_before; neither: the next 30 days",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @Parameter(name = "departure_after", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(name = "departure_before", in = ParameterIn.QUERY, description = "At most 62 days after the window's start",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(name = "radius_km", in = ParameterIn.QUERY, description = "Around from and to",
            schema = @Schema(type = SchemaType.NUMBER, minimum = "0.1", maximum = "100", defaultValue = "25"))
    @Parameter(name = "seats", in = ParameterIn.QUERY, description = "Minimum free seats",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "8", defaultValue = "1"))
    @Parameter(name = "price_min", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.NUMBER, minimum = "0"))
    @Parameter(name = "price_max", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.NUMBER, minimum = "0"))
    @Parameter(name = "comfort", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.STRING, enumeration = {"basic", "standard", "comfort"}))
    @Parameter(name = "driver_rating", in = ParameterIn.QUERY, description = "Minimum driver rating",
            schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "5"))
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "departure_time (default), price_per_seat or distance "
            + "(walking distance to pickup plus from drop-off); prefix - for descending",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "page", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000", defaultValue = "1"))
    @Parameter(name = "page_size", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    @APIResponse(responseCode = "200", description = "A page of matching trips")
    @APIResponse(responseCode = "400", description = "validation_error: bad or missing point, past date, unknown parameter")
    public Envelope<List<TripSearchHit>> search(@Context UriInfo uri) {
        return Envelope.of(search.search(uri.getQueryParameters()));
    }
}

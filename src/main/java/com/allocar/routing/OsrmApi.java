package com.allocar.routing;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * OSRM's route service: {@code GET $OSRM_URL/route/v1/driving/{lon},{lat};{lon},{lat}…?overview=false} (longitude
 * first, every point in order) → {@code {"code": "Ok", "routes": [{"distance": m, "duration": s}]}}. Built by
 * {@link OsrmRouter} with {@code RestClientBuilder}, so that an unset URL simply means the great-circle estimate.
 */
@RegisterRestClient(configKey = "osrm")
@Path("/route/v1/driving")
public interface OsrmApi extends AutoCloseable {

    /** {@code coordinates}: {@code lon,lat;lon,lat…}, sent as is (the separators are not escaped). */
    @GET
    @Path("/{coordinates}")
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject route(@PathParam("coordinates") @Encoded String coordinates, @QueryParam("overview") String overview);

    @Override
    void close();
}

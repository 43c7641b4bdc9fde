package com.allocar.notifications;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's push devices (docs/notifications.md). */
@Path("/me/devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Notifications", description = "Push devices and notification preferences")
public class DeviceResource {
    @Inject
    DeviceTokens devices;
    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "registerDevice", summary = "Register this device for push notifications",
            description = "The app sends its FCM registration token at every start and whenever FCM renews it. "
                    + "Registering a known token refreshes it (200), and moves it to this account if another one "
                    + "had it; a new one is 201. An account keeps notifications.max_devices devices (default 5): "
                    + "one more forgets the device seen least recently.")
    @APIResponse(responseCode = "200", description = "Known token refreshed",
            content = @Content(schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(responseCode = "201", description = "Device registered",
            content = @Content(schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(responseCode = "400", description = "validation_error")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "403", description = "forbidden: not a user token")
    public Response register(@Valid @NotNull RegisterDeviceRequest request) {
        DeviceTokens.Registered registered = devices.register(caller.userId(), request);
        return Response.status(registered.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(Envelope.of(registered.device())).build();
    }

    @DELETE
    @Path("/{token}")
    @Operation(operationId = "removeDevice", summary = "Stop push notifications to a device",
            description = "On sign-out, the app removes its token. Only the caller's own devices: 404 otherwise.")
    @APIResponse(responseCode = "204", description = "Device removed")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "403", description = "forbidden: not a user token")
    @APIResponse(responseCode = "404", description = "not_found: not one of your devices")
    public Response remove(@PathParam("token") String token) {
        devices.remove(caller.userId(), token);
        return Response.noContent().build();
    }
}

package com.allocar.notifications;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's notification preferences (docs/notifications.md). */
@Path("/me/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Notifications", description = "Push devices and notification preferences")
public class PreferencesResource {
    @Inject
    PreferencesService preferences;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getNotificationPreferences", summary = "My notification channels and quiet hours")
    @APIResponse(responseCode = "200", description = "The preferences (defaults until changed once)")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "403", description = "forbidden: not a user token")
    public Envelope<PreferencesView> get() {
        return Envelope.of(preferences.view(caller.userId()));
    }

    @PATCH
    @Operation(operationId = "updateNotificationPreferences", summary = "Change my notification channels or quiet hours",
            description = "Fields present change. Channels push, sms and email switch on or off; SMS are sent only "
                    + "for critical notifications that push cannot deliver. Quiet hours (local time in time_zone, "
                    + "default Africa/Abidjan) hold non-critical notifications until they end; critical ones "
                    + "(payment confirmed, cancellations, payout paid) and the 2-hour reminder ignore them.")
    @APIResponse(responseCode = "200", description = "The updated preferences")
    @APIResponse(responseCode = "400", description = "validation_error")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "403", description = "forbidden: not a user token")
    public Envelope<PreferencesView> update(@Valid @NotNull PreferencesUpdate change) {
        return Envelope.of(preferences.update(caller.userId(), change));
    }
}

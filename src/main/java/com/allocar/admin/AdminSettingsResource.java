package com.allocar.admin;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/settings} (ADM-4): super, ops and finance read; super changes. */
@Path("/admin/settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = AlloCarApplication.BEARER)
@APIResponse(responseCode = "401", description = "auth_required")
@APIResponse(responseCode = "403", description = "forbidden: role without the permission")
public class AdminSettingsResource {
    @Inject
    AdminSettingsService settings;
    @Inject
    Caller caller;

    /** The new value, of the setting's type, and optionally the version last read. */
    public record SettingChange(
            @NotNull @Schema(description = "JSON of the setting's value_type") JsonValue value,
            @Min(0) @Schema(description = "The version last read; a mismatch is 409") Long version) {
    }

    @GET
    @AdminOnly(AdminPermission.SETTINGS_READ)
    @Operation(operationId = "listSettings",
            summary = "System settings", description = "Fees, cancellation windows and percents, booking limits, "
            + "payout and withdrawal minimums, template ids, toggles, price floors and ceilings per axis. Filter: "
            + "value_type. Sort: key (default), updated_at. Roles: super, ops, finance.")
    @APIResponse(responseCode = "200", description = "A page of settings")
    @APIResponse(responseCode = "400", description = "validation_error")
    public Envelope<List<SettingView>> list(@Context UriInfo uri) {
        return Envelope.of(settings.list(AdminSettingsService.LIST.parse(uri.getQueryParameters())));
    }

    @PATCH
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminOnly(AdminPermission.SETTINGS_EDIT)
    @Operation(operationId = "updateSetting",
            summary = "Change a setting", description = "value must have the setting's type and follow its rule "
            + "(percents 0..100, amounts ≥ 0, pricing.axes a list of {name, ends: [{lat, lon}, {lat, lon}], radius_km, "
            + "floor, ceiling}). Applies on this instance at once, on others within 5 seconds. Audited. Role: super.")
    @APIResponse(responseCode = "200", description = "The setting")
    @APIResponse(responseCode = "400", description = "validation_error: details.fields.value")
    @APIResponse(responseCode = "404", description = "not_found: no such setting")
    @APIResponse(responseCode = "409", description = "conflict: version mismatch (details.version is the current one)")
    public Envelope<SettingView> change(@PathParam("key") String key, @Valid @NotNull SettingChange change) {
        return Envelope.of(settings.change(caller.adminId(), key, change.value(), change.version()));
    }
}

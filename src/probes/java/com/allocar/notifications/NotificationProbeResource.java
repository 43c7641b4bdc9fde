package com.allocar.notifications;

import com.allocar.platform.api.Envelope;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Conformance probe of {@link Notifications} (test WAR only, see {@code ConformanceProbeResource}; hidden from
 * OpenAPI): queues one message in a transaction of its own, then commits it, or rolls it back when asked,
 * so tests see that a notification lives and dies with the transaction that queued it; queues a {@link Notice}
 * for a user; stops and starts the outbox worker (a restart between enqueue and send).
 */
@Path("/_probes/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class NotificationProbeResource {
    @Inject
    Notifications notifications;
    @Inject
    OutboxWorker worker;

    public record NotificationProbe(@NotNull OutboxChannel channel, @NotBlank String to, String subject,
                                    @NotBlank String text, boolean rollback) {
    }

    public record Queued(OutboxChannel channel) {
    }

    public record NoticeProbe(@NotBlank String event, @NotNull UUID userId, @NotNull NotificationKind kind,
                              Map<String, String> vars, Map<String, String> data) {
    }

    public record NoticeQueued(boolean queued) {
    }

    public record WorkerState(boolean running) {
    }

    @POST
    @Transactional
    @Operation(hidden = true)
    public Response queue(@Valid @NotNull NotificationProbe probe) {
        switch (probe.channel()) {
            case sms -> notifications.sms(probe.to(), probe.text());
            case email -> notifications.email(probe.to(), probe.subject(), probe.text());
            default -> throw new NotFoundException("No such channel.");
        }
        if (probe.rollback()) {
            throw new ConflictException("Rolled back on request, with the queued notification.");
        }
        return Response.accepted(Envelope.of(new Queued(probe.channel()))).build();
    }

    @POST
    @Path("/notice")
    @Transactional
    @Operation(hidden = true)
    public Response notice(@Valid @NotNull NoticeProbe probe) {
        boolean queued = notifications.notify(Notice.of(probe.event(), probe.userId(), probe.kind(),
                probe.vars() == null ? Map.of() : Map.copyOf(probe.vars()), probe.data()));
        return Response.accepted(Envelope.of(new NoticeQueued(queued))).build();
    }

    @POST
    @Path("/worker/stop")
    @Operation(hidden = true)
    public Envelope<WorkerState> stop() {
        worker.stop();
        return Envelope.of(new WorkerState(worker.running()));
    }

    @POST
    @Path("/worker/start")
    @Operation(hidden = true)
    public Envelope<WorkerState> start() {
        worker.start();
        worker.wake();
        return Envelope.of(new WorkerState(worker.running()));
    }
}

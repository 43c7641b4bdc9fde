package com.allocar.disputes;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A message on a dispute. Parties see support's messages without the admin's id. */
@Schema(name = "DisputeMessage")
public record DisputeMessageView(UUID id, UUID disputeId,
                                 @Schema(enumeration = {"user", "admin"}) String authorType,
                                 @Schema(description = "The user who wrote it; for support's messages, admins only")
                                 UUID authorId,
                                 String body, Instant createdAt) {

    static DisputeMessageView of(DisputeMessage m, boolean forAdmin) {
        boolean hidden = !forAdmin && m.getAuthorType() == DisputeMessage.Author.admin;
        return new DisputeMessageView(m.getId(), m.getDisputeId(), m.getAuthorType().name(),
                hidden ? null : m.getAuthorId(), m.getBody(), m.getCreatedAt());
    }
}

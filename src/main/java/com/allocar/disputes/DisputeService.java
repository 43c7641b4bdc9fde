package com.allocar.disputes;

import com.allocar.bookings.Booking;
import com.allocar.bookings.BookingService;
import com.allocar.platform.api.Page;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import com.allocar.platform.settings.Settings;
import com.allocar.platform.storage.Bucket;
import com.allocar.platform.storage.ObjectKeys;
import com.allocar.platform.storage.ObjectStorage;
import com.allocar.platform.storage.PresignedUpload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Disputes as a booking's parties use them (DISP-1, docs/disputes.md): open one about a paid or completed booking
 * within the window, with files uploaded straight to the private bucket; read it and write to support. Anyone but the
 * booking's passenger and driver gets 404, as for a dispute that does not exist.
 */
@ApplicationScoped
public class DisputeService {
    /** The largest attachment accepted (a presigned PUT cannot cap the size; opening checks it). */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final ListSpec MINE = ListSpec.builder()
            .filter("status", FilterType.of(DisputeStatus.class))
            .filter("created_at", FilterType.INSTANT)
            .sortable("created_at")
            .defaultSort("created_at", true)
            .build();
    public static final ListSpec MESSAGES = ListSpec.builder()
            .filter("created_at", FilterType.INSTANT)
            .sortable("created_at")
            .defaultSort("created_at", false)
            .build();
    static final Map<String, String> ATTRIBUTES = Map.of("status", "status", "category", "category",
            "assigned_to", "assignedTo", "booking_id", "bookingId", "created_at", "createdAt", "updated_at", "updatedAt");
    static final Map<String, String> MESSAGE_ATTRIBUTES = Map.of("created_at", "createdAt");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    BookingService bookings;
    @Inject
    DisputeRepository disputes;
    @Inject
    DisputeWriter writer;
    @Inject
    ObjectStorage storage;
    @Inject
    Settings settings;

    /**
     * Signs the upload of a file to attach to a dispute about this booking, under a new key of this booking and
     * uploader; the app PUTs the file, then lists the key in {@code POST /disputes}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DisputeUpload startUpload(UUID callerId, DisputeRequests.Upload request) {
        Booking booking = bookings.forParty(callerId, request.bookingId());
        requireOpenable(booking);
        String key = ObjectKeys.disputeFile(booking.getId(), callerId, request.contentType());
        PresignedUpload upload = storage.upload(Bucket.DISPUTES, key, request.contentType());
        return new DisputeUpload(key, upload.url(), upload.method(), upload.headers(), upload.expiresAt());
    }

    /**
     * Opens a dispute. Never inside a transaction: the attachments are looked up in the storage (a remote call) first,
     * then the dispute is written in a transaction of its own ({@link DisputeWriter#open}), which checks the rules
     * again under the booking's row lock.
     */
    @Transactional(Transactional.TxType.NEVER)
    public DisputeView open(UUID callerId, DisputeRequests.Open request) {
        Booking booking = bookings.forParty(callerId, request.bookingId());
        String description = DisputeTexts.checked("description", request.description(),
                DisputeRequests.MIN_DESCRIPTION, DisputeRequests.MAX_DESCRIPTION);
        List<String> keys = request.attachments();
        for (int i = 0; i < keys.size(); i++) {
            if (!ObjectKeys.disputeFileOf(keys.get(i), booking.getId(), callerId)) {
                throw ValidationException.field("attachments[" + i + "]", "is not an upload of yours for this booking");
            }
        }
        if (new HashSet<>(keys).size() != keys.size()) {
            throw ValidationException.field("attachments", "lists a file twice");
        }
        requireOpenable(booking);
        for (int i = 0; i < keys.size(); i++) {
            requireUploaded("attachments[" + i + "]", keys.get(i));
        }
        Dispute dispute = writer.open(callerId, booking.getId(), request.disputeCategory(), description, keys);
        return DisputeView.forParty(dispute, attachments(dispute));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DisputeView get(UUID callerId, UUID id) {
        Dispute dispute = forParty(callerId, id);
        return DisputeView.forParty(dispute, attachments(dispute));
    }

    /** The disputes about the caller's bookings (as passenger or driver), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DisputeView> mine(UUID callerId, ListQuery query) {
        return JpaLists.page(em, Dispute.class, query, ATTRIBUTES, (cb, root) -> List.of(cb.or(
                        cb.equal(root.get("passengerId"), callerId), cb.equal(root.get("driverId"), callerId))))
                .map(d -> DisputeView.forParty(d, attachments(d)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DisputeMessageView> messages(UUID callerId, UUID id, ListQuery query) {
        forParty(callerId, id);
        return page(id, query, false);
    }

    @Transactional
    public DisputeMessageView post(UUID callerId, UUID id, DisputeRequests.Message request) {
        String body = DisputeTexts.checked("body", request.body(), 1, DisputeRequests.MAX_MESSAGE);
        return DisputeMessageView.of(writer.message(id, DisputeMessage.Author.user, callerId, body), false);
    }

    /** A page of the dispute's messages, oldest first (for parties or admins). */
    Page<DisputeMessageView> page(UUID disputeId, ListQuery query, boolean forAdmin) {
        return JpaLists.page(em, DisputeMessage.class, query, MESSAGE_ATTRIBUTES,
                        (cb, root) -> List.of(cb.equal(root.get("disputeId"), disputeId)))
                .map(m -> DisputeMessageView.of(m, forAdmin));
    }

    /** Fresh presigned links to the dispute's files (signed here, no call to the storage). */
    List<DisputeView.Attachment> attachments(Dispute dispute) {
        return dispute.getAttachments().stream()
                .map(key -> DisputeView.Attachment.of(storage.download(Bucket.DISPUTES, key))).toList();
    }

    private Dispute forParty(UUID callerId, UUID id) {
        return disputes.find(id).filter(d -> d.hasParty(callerId))
                .orElseThrow(() -> new NotFoundException("No such dispute."));
    }

    private void requireOpenable(Booking booking) {
        DisputeRules.requireOpenable(booking, Instant.now(), settings.disputeWindow());
    }

    /** The file was uploaded (a call to the storage, outside any transaction) and is not empty nor too large. */
    private void requireUploaded(String field, String key) {
        ObjectStorage.StoredObject stored = storage.head(Bucket.DISPUTES, key).orElseThrow(() -> ValidationException
                .field(field, "nothing was uploaded under this key: upload the file first"));
        if (stored.size() <= 0) {
            throw ValidationException.field(field, "the uploaded file is empty");
        }
        if (stored.size() > MAX_FILE_BYTES) {
            throw ValidationException.field(field, "the uploaded file is larger than "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
        }
    }
}

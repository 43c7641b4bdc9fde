package com.allocar.messaging;

import com.allocar.bookings.Booking;
import com.allocar.bookings.BookingService;
import com.allocar.platform.errors.RateLimitedException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.ratelimit.RateLimiter;
import com.allocar.platform.settings.Settings;
import com.allocar.platform.storage.Bucket;
import com.allocar.platform.storage.ObjectKeys;
import com.allocar.platform.storage.ObjectStorage;
import com.allocar.platform.storage.PresignedUpload;
import com.allocar.realtime.RealtimeNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The chat of a booking (MSG-1, docs/messaging.md), between its passenger and its trip's driver only: anyone else
 * gets 404 {@code not_found}, as for a booking that does not exist. Texts and images (uploaded by the app straight
 * to the private bucket through a presigned PUT), pages newest first with an opaque cursor, read receipts.
 */
@ApplicationScoped
public class MessageService {
    /** The longest text, in Unicode code points. */
    public static final int MAX_TEXT = 2000;
    public static final int DEFAULT_LIMIT = 30;
    public static final int MAX_LIMIT = 100;
    /** The largest image accepted (a presigned PUT cannot cap the size; the message checks it). */
    public static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    private static final Set<String> LIST_PARAMETERS = Set.of("before", "limit");

    @Inject
    BookingService bookings;
    @Inject
    MessageRepository messages;
    @Inject
    MessageWriter writer;
    @Inject
    ObjectStorage storage;
    @Inject
    RateLimiter limiter;
    @Inject
    Settings settings;
    @Inject
    RealtimeNotifier notifier;

    private final Clock clock = Clock.systemUTC();

    /** A page of the booking's messages, newest first, older than the cursor {@code before} when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MessagePage list(UUID callerId, UUID bookingId, Map<String, List<String>> query) {
        bookings.forParty(callerId, bookingId);
        Map<String, String> problems = new LinkedHashMap<>();
        for (String name : new TreeSet<>(query.keySet())) {
            if (!LIST_PARAMETERS.contains(name)) {
                problems.put(name, "unknown parameter; parameters here: [before, limit]");
            } else if (query.get(name).size() > 1) {
                problems.put(name, "must be given once");
            }
        }
        Long before = null;
        String cursor = first(query, "before");
        if (cursor != null) {
            before = MessageCursor.parse(cursor).orElse(null);
            if (before == null) {
                problems.putIfAbsent("before", "is not a cursor of this chat: pass next_before as it was answered");
            }
        }
        int limit = DEFAULT_LIMIT;
        String limitText = first(query, "limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                problems.putIfAbsent("limit", "must be a whole number between 1 and " + MAX_LIMIT);
            }
        }
        if (!problems.isEmpty()) {
            throw ValidationException.fields(problems);
        }
        List<Message> found = messages.page(bookingId, before, limit + 1);
        boolean older = found.size() > limit;
        List<Message> page = older ? found.subList(0, limit) : found;
        List<MessageView> views = new ArrayList<>(page.size());
        for (Message message : page) {
            views.add(view(message, bookingId));
        }
        return new MessagePage(views, older ? MessageCursor.before(page.get(page.size() - 1).getSeq()) : null);
    }

    /**
     * Writes a text or an image message. Never inside a transaction: an image's upload is looked up in the storage
     * (a remote call) before the message is written, in a transaction of its own ({@link MessageWriter}).
     */
    @Transactional(Transactional.TxType.NEVER)
    public MessageView post(UUID callerId, UUID bookingId, PostMessageRequest request) {
        return posted(callerId, bookingId, request).view();
    }

    /** A message as written, with its number in the booking (the sockets' frames carry it). */
    public record Posted(long seq, MessageView view) {
    }

    /** {@link #post}, answering the message's number too (for the socket's acknowledgement). */
    @Transactional(Transactional.TxType.NEVER)
    public Posted posted(UUID callerId, UUID bookingId, PostMessageRequest request) {
        Booking booking = bookings.forParty(callerId, bookingId);
        ChatRules.requireOpen(booking.getStatus(), booking.getCompletedAt(), now(), settings.messagesAfterCompletion());
        MessageType type = request.messageType();
        String content = type == MessageType.text ? checkedText(request)
                : checkedImageKey(request, bookingId, callerId);
        throttle(callerId);
        if (type == MessageType.image) {
            requireUploaded(content);
        }
        Message message = writer.append(callerId, bookingId, type, content);
        return new Posted(message.getSeq(), view(message, bookingId));
    }

    /**
     * Signs the upload of a chat image under a new key of this booking and sender; the app PUTs the image, then
     * sends it as a message with the key. Counts against the sender's message budget.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChatUpload startUpload(UUID callerId, UUID bookingId, String contentType) {
        Booking booking = bookings.forParty(callerId, bookingId);
        ChatRules.requireOpen(booking.getStatus(), booking.getCompletedAt(), now(), settings.messagesAfterCompletion());
        throttle(callerId);
        String key = ObjectKeys.chatImage(bookingId, callerId, contentType);
        PresignedUpload upload = storage.upload(Bucket.CHAT, key, contentType);
        return new ChatUpload(key, upload.url(), upload.method(), upload.headers(), upload.expiresAt());
    }

    /**
     * Marks read the other party's messages up to {@code upTo} (a message of this booking, from either party): one
     * conditional update, so repeating it changes nothing.
     */
    @Transactional
    public ReadReceipt markRead(UUID callerId, UUID bookingId, UUID upTo) {
        bookings.forParty(callerId, bookingId);
        long seq = messages.seqOf(bookingId, upTo)
                .orElseThrow(() -> ValidationException.field("up_to", "is not a message of this booking"));
        int marked = messages.markRead(bookingId, callerId, seq);
        if (marked > 0) {
            // The other party's sockets see the receipt once this commits (docs/realtime.md, frame "read").
            notifier.publish(ChatTopic.READ, bookingId, callerId, upTo);
        }
        int unread = messages.unread(callerId, List.of(bookingId)).getOrDefault(bookingId, 0);
        return new ReadReceipt(upTo, marked, unread);
    }

    /** The message as its booking's parties see it (an image with a fresh presigned link). */
    public MessageView view(Message message, UUID bookingId) {
        return message.getType() == MessageType.image
                ? MessageView.image(message, bookingId, storage.download(Bucket.CHAT, message.getContent()))
                : MessageView.text(message, bookingId);
    }

    /**
     * The text of a text message: not blank, at most {@link #MAX_TEXT} code points, no control characters (PostgreSQL
     * refuses U+0000 in text) and no unpaired surrogate (it cannot be stored as UTF-8).
     */
    private static String checkedText(PostMessageRequest request) {
        if (request.uploadKey() != null) {
            throw ValidationException.field("upload_key", "is for an image message only");
        }
        String text = request.text();
        if (text == null || text.isEmpty()) {
            throw ValidationException.field("text", "must not be blank");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw ValidationException.field("text", "must be at most " + MAX_TEXT + " characters");
        }
        boolean clean = text.codePoints().allMatch(c -> c == '\n' || c == '\r' || c == '\t'
                || (!Character.isISOControl(c) && Character.getType(c) != Character.SURROGATE));
        if (!clean) {
            throw ValidationException.field("text", "must not contain control characters other than line breaks "
                    + "and tabs");
        }
        return text;
    }

    /** The object key of an image message: one that {@link #startUpload} made for this booking and this sender. */
    private static String checkedImageKey(PostMessageRequest request, UUID bookingId, UUID senderId) {
        if (request.text() != null) {
            throw ValidationException.field("text", "an image message has no text: send the text as a message of "
                    + "its own");
        }
        String key = request.uploadKey();
        if (key == null || key.isBlank()) {
            throw ValidationException.field("upload_key", "must not be blank");
        }
        if (!ObjectKeys.chatImageOf(key, bookingId, senderId)) {
            throw ValidationException.field("upload_key", "is not an upload of yours for this booking");
        }
        return key;
    }

    /** The image was uploaded (a call to the storage, outside any transaction) and is not too large. */
    private void requireUploaded(String key) {
        ObjectStorage.StoredObject stored = storage.head(Bucket.CHAT, key).orElseThrow(() -> ValidationException
                .field("upload_key", "nothing was uploaded under this key: upload the image first"));
        if (stored.size() <= 0) {
            throw ValidationException.field("upload_key", "the uploaded image is empty");
        }
        if (stored.size() > MAX_IMAGE_BYTES) {
            throw ValidationException.field("upload_key", "the uploaded image is larger than "
                    + MAX_IMAGE_BYTES / (1024 * 1024) + " MiB");
        }
    }

    /** The sender's chat budget: messages.per_minute messages and uploads a minute, all bookings together. */
    private void throttle(UUID senderId) {
        RateLimiter.Decision decision = limiter.consume("chat:" + senderId, settings.messagesPerMinute());
        if (!decision.allowed()) {
            throw new RateLimitedException("chat", decision.retryAfterSeconds());
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}

package com.allocar.messaging;

import com.allocar.bookings.Booking;
import com.allocar.bookings.BookingService;
import com.allocar.platform.errors.ApiException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.realtime.Admission;
import com.allocar.realtime.ClientFrame;
import com.allocar.realtime.Frames;
import com.allocar.realtime.Peer;
import com.allocar.realtime.SocketRegistry;
import com.allocar.realtime.Sockets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The chat socket's behaviour ({@code /ws/bookings/{id}}, docs/realtime.md "Chat"): the same rules as the REST chat,
 * through {@link MessageService} (parties only, masking, the sender's budget, closed chats). A message is written and
 * committed before anyone hears of it; the sender gets {@code ack}, and every socket of the booking, on every instance,
 * the sender's included, gets {@code message} through the notification of the commit ({@link ChatTopic}).
 */
@ApplicationScoped
public class ChatSockets {
    /** The most messages one resume sends; {@code resumed.complete} false asks the client for another round. */
    static final int RESUME_LIMIT = 200;

    @Inject
    Sockets sockets;
    @Inject
    SocketRegistry registry;
    @Inject
    MessageService messages;
    @Inject
    MessageRepository repository;
    @Inject
    BookingService bookings;
    /** This bean through its proxy, for the transactional steps. */
    @Inject
    ChatSockets self;

    /** A socket opened: closed at once when its ticket did not admit it, else joined to the booking's room. */
    public void open(Session session, EndpointConfig config) {
        sockets.open(session, config).ifPresent(peer -> peer.handle(() -> sockets.joining(peer, self::join)));
    }

    /** Joins an admitted socket to its room (one read transaction). */
    @Transactional
    public void join(Peer peer) {
        UUID bookingId = SocketRooms.bookingOf(peer.room());
        Booking booking;
        try {
            booking = bookings.forParty(peer.userId(), bookingId);
        } catch (ApiException e) {
            peer.close(Admission.FORBIDDEN, "not_a_party");
            return;
        }
        peer.send(sockets.ready(peer, booking.driverId().equals(peer.userId()) ? "driver" : "passenger"));
        // Messages committed from here on reach this socket; earlier ones come with the client's resume.
        registry.join(peer, repository.lastSeq(bookingId));
    }

    /** A text frame: parsed and counted here, handled in turn on the managed executor. */
    public void received(Session session, String text) {
        sockets.peer(session).ifPresent(peer -> sockets.frame(peer, text)
                .ifPresent(frame -> peer.handle(() -> handle(peer, frame))));
    }

    private void handle(Peer peer, ClientFrame frame) {
        String clientId = frame.clientId();
        try {
            UUID bookingId = SocketRooms.bookingOf(peer.room());
            switch (frame.type()) {
                case "message" -> peer.send(ChatFrames.sent(clientId,
                        messages.posted(peer.userId(), bookingId, request(frame))));
                case "read" -> peer.send(ChatFrames.marked(clientId,
                        messages.markRead(peer.userId(), bookingId, frame.requiredUuid("up_to"))));
                case "resume" -> self.resume(peer, bookingId, frame.uuid("after").orElse(null));
                case "ping" -> peer.send(Frames.pong());
                default -> throw ValidationException.field("type", "unknown frame type; the chat takes message, read, "
                        + "resume and ping");
            }
        } catch (RuntimeException e) {
            sockets.refuse(peer, e, clientId);
        }
    }

    /** {@code {type: message, text}} or {@code {type: message, upload_key}}: a text or an image, as over REST. */
    private static PostMessageRequest request(ClientFrame frame) {
        Optional<String> uploadKey = frame.string("upload_key");
        if (uploadKey.isPresent()) {
            return new PostMessageRequest(MessageType.image.name(), frame.string("text").orElse(null), uploadKey.get());
        }
        return new PostMessageRequest(MessageType.text.name(), frame.string("text").orElse(null), null);
    }

    /**
     * Sends the booking's messages numbered after {@code after} (all from the first when null), oldest first, at most
     * {@value #RESUME_LIMIT}, then {@code resumed}. Messages that arrive meanwhile may come twice (here and live):
     * clients keep one per id.
     */
    @Transactional
    public void resume(Peer peer, UUID bookingId, UUID after) {
        long afterSeq = 0;
        if (after != null) {
            afterSeq = repository.seqOf(bookingId, after)
                    .orElseThrow(() -> ValidationException.field("after", "is not a message of this booking"));
        }
        List<Message> missed = repository.range(bookingId, afterSeq, Long.MAX_VALUE, RESUME_LIMIT + 1);
        boolean complete = missed.size() <= RESUME_LIMIT;
        List<Message> sent = complete ? missed : missed.subList(0, RESUME_LIMIT);
        for (Message message : sent) {
            peer.send(ChatFrames.message(message.getSeq(), messages.view(message, bookingId)));
        }
        Long lastSeq = sent.isEmpty() ? null : sent.get(sent.size() - 1).getSeq();
        peer.send(ChatFrames.resumed(sent.size(), complete, lastSeq));
    }
}

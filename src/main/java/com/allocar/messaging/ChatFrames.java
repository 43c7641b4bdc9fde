package com.allocar.messaging;

import com.allocar.realtime.Frames;
import java.util.UUID;

/** The chat's frames (docs/realtime.md, "Chat"), as records written with the API's JSON-B configuration. */
public final class ChatFrames {
    private ChatFrames() {
    }

    /** {@code {type: "message", seq, message}}: a message of the booking, as the REST API shows it. */
    public record MessageFrame(String type, long seq, MessageView message) {
    }

    /** {@code {type: "read", booking_id, reader_id, up_to}}: a party marked messages read up to {@code up_to}. */
    public record ReadFrame(String type, UUID bookingId, UUID readerId, UUID upTo) {
    }

    /**
     * {@code {type: "ack", of, client_id?, seq?, message?, receipt?}}: the sender's own frame was done ({@code of}:
     * message or read).
     */
    public record AckFrame(String type, String of, String clientId, Long seq, MessageView message,
                           ReadReceipt receipt) {
    }

    /** {@code {type: "resumed", count, complete, last_seq?}}: the end of a resume. */
    public record ResumedFrame(String type, int count, boolean complete, Long lastSeq) {
    }

    static String message(long seq, MessageView message) {
        return Frames.write(new MessageFrame("message", seq, message));
    }

    static String read(UUID bookingId, UUID readerId, UUID upTo) {
        return Frames.write(new ReadFrame("read", bookingId, readerId, upTo));
    }

    static String sent(String clientId, MessageService.Posted posted) {
        return Frames.write(new AckFrame("ack", "message", clientId, posted.seq(), posted.view(), null));
    }

    static String marked(String clientId, ReadReceipt receipt) {
        return Frames.write(new AckFrame("ack", "read", clientId, null, null, receipt));
    }

    static String resumed(int count, boolean complete, Long lastSeq) {
        return Frames.write(new ResumedFrame("resumed", count, complete, lastSeq));
    }
}

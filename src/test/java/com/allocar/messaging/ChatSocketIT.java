package com.allocar.messaging;

import static com.allocar.testsupport.Answers.assertError;
import static com.allocar.testsupport.Answers.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures;
import com.allocar.bookings.BookingFixtures.Passenger;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.SocketClient;
import com.allocar.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** MSG-2: a booking's chat over a WebSocket, with real clients (docs/realtime.md). */
class ChatSocketIT {

    /** An accepted booking on a new trip, with its passenger and driver. */
    record Chat(String bookingId, Passenger passenger, TripRef trip) {
        static Chat accepted() {
            TripRef trip = BookingFixtures.trip(3, true);
            Passenger passenger = Passenger.create();
            return new Chat(BookingFixtures.accepted(trip, passenger, 1), passenger, trip);
        }

        String driverToken() {
            return trip.driver().token();
        }

        String path() {
            return "/ws/bookings/" + bookingId;
        }
    }

    private static JsonPath postOverRest(String token, Chat chat, String text) {
        Response response = Clients.withToken(token).body(Clients.json(Map.of("type", "text", "text", text)))
                .post(BookingFixtures.BOOKINGS + "/" + chat.bookingId() + "/messages");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().setRootPath("data");
    }

    @Test
    void messagesAreStoredThenDeliveredToBothParties() {
        Chat chat = Chat.accepted();
        try (SocketClient passenger = SocketFixtures.chat(chat.passenger().token(), chat.bookingId());
             SocketClient driver = SocketFixtures.chat(chat.driverToken(), chat.bookingId())) {
            assertThat(passenger.all("ready").get(0).getString("role")).isEqualTo("passenger");
            assertThat(driver.all("ready").get(0).getString("role")).isEqualTo("driver");
            assertThat(driver.all("ready").get(0).getString("room")).isEqualTo("bookings/" + chat.bookingId());

            passenger.send(Map.of("type", "message", "text", "Je suis devant la pharmacie.", "client_id", "c-1"));
            JsonPath ack = passenger.next("ack");
            assertThat(ack.getString("of")).isEqualTo("message");
            assertThat(ack.getString("client_id")).isEqualTo("c-1");
            assertThat(ack.getLong("seq")).isEqualTo(1L);
            String id = ack.getString("message.id");
            assertThat(Db.value(String.class, "SELECT content FROM messages WHERE id = ?::uuid", id))
                    .as("persisted").isEqualTo("Je suis devant la pharmacie.");
            for (SocketClient socket : List.of(passenger, driver)) {
                JsonPath frame = socket.next("message");
                assertThat(frame.getString("message.id")).isEqualTo(id);
                assertThat(frame.getLong("seq")).isEqualTo(1L);
                assertThat(frame.getString("message.text")).isEqualTo("Je suis devant la pharmacie.");
                assertThat(frame.getString("message.from_user_id")).isEqualTo(chat.passenger().id().toString());
            }

            // Before payment, contact details are masked as over REST; a message sent over REST reaches the sockets.
            driver.send(Map.of("type", "message", "text", "Appelle-moi au 07 07 12 34 56"));
            JsonPath masked = passenger.next("message", frame -> frame.getLong("seq") == 2);
            assertThat(masked.getString("message.text")).isEqualTo("Appelle-moi au [numéro masqué]");
            assertThat(masked.getBoolean("message.masked")).isTrue();
            String third = postOverRest(chat.driverToken(), chat, "J'arrive dans 5 minutes").getString("id");
            assertThat(passenger.next("message", frame -> frame.getLong("seq") == 3).getString("message.id"))
                    .isEqualTo(third);

            // Read receipts: the reader gets its acknowledgement, both parties the receipt.
            passenger.send(Map.of("type", "read", "up_to", third, "client_id", "r-1"));
            JsonPath receipt = passenger.next("ack", frame -> "read".equals(frame.getString("of")));
            assertThat(receipt.getString("client_id")).isEqualTo("r-1");
            assertThat(receipt.getInt("receipt.marked")).isEqualTo(2);
            assertThat(receipt.getInt("receipt.unread_messages")).isZero();
            JsonPath seen = driver.next("read");
            assertThat(seen.getString("reader_id")).isEqualTo(chat.passenger().id().toString());
            assertThat(seen.getString("up_to")).isEqualTo(third);
            assertThat(seen.getString("booking_id")).isEqualTo(chat.bookingId());

            passenger.send(Map.of("type", "ping"));
            passenger.next("pong");
        }
    }

    @Test
    void outsidersGetNoTicketAndNoSocket() {
        Chat chat = Chat.accepted();
        Chat other = Chat.accepted();
        for (String outsider : List.of(Passenger.create().token(), other.driverToken(), other.passenger().token())) {
            assertError(SocketFixtures.ticket(outsider, Map.of("booking_id", chat.bookingId())), 404, "not_found");
        }
        assertError(SocketFixtures.ticket(chat.passenger().token(), Map.of("booking_id", UUID.randomUUID().toString())), 404,
                "not_found");
        assertInvalid(SocketFixtures.ticket(chat.passenger().token(), Map.of()), "booking_id");
        assertInvalid(SocketFixtures.ticket(chat.passenger().token(),
                Map.of("booking_id", chat.bookingId(), "trip_id", chat.trip().id())), "trip_id");
        assertError(Clients.anonymous().body(Clients.json(Map.of("booking_id", chat.bookingId())))
                .post(SocketFixtures.TICKETS), 401, "auth_required");
        assertError(Clients.withToken(TestTokens.forAdmin("super"))
                .body(Clients.json(Map.of("booking_id", chat.bookingId()))).post(SocketFixtures.TICKETS), 403,
                "forbidden");

        // Without a ticket, with one that is not ours, or with a ticket in the URL (never read there): refused.
        assertRefused(SocketClient.connect(chat.path(), List.of("allocar.v1"), true), 4401, "ticket_missing");
        assertRefused(SocketClient.connect(chat.path() + "?ticket="
                + SocketFixtures.issued(chat.passenger().token(), "booking_id", chat.bookingId()).getString("ticket"),
                List.of("allocar.v1"), true), 4401, "ticket_missing");
        assertRefused(SocketClient.connect(chat.path(), "x".repeat(43)), 4401, "ticket_invalid");
        assertRefused(SocketClient.connect(chat.path(), "tooShort"), 4401, "ticket_invalid");

        // A ticket of the other booking does not open this one, and is spent by the attempt.
        String elsewhere = SocketFixtures.issued(other.passenger().token(), "booking_id", other.bookingId())
                .getString("ticket");
        assertRefused(SocketClient.connect(chat.path(), elsewhere), 4403, "ticket_wrong_room");
        assertRefused(SocketClient.connect(other.path(), elsewhere), 4401, "ticket_used");
    }

    @Test
    void aTicketAdmitsOnceAndOnlyForAShortWhile() {
        Chat chat = Chat.accepted();
        JsonPath issued = SocketFixtures.issued(chat.passenger().token(), "booking_id", chat.bookingId());
        String ticket = issued.getString("ticket");
        assertThat(ticket).matches("[A-Za-z0-9_-]{43}");
        assertThat(issued.getList("protocols")).containsExactly("allocar.v1", "ticket." + ticket);
        assertThat(java.time.Duration.between(java.time.Instant.now(),
                java.time.Instant.parse(issued.getString("expires_at"))).toSeconds()).isBetween(20L, 31L);
        assertThat(Db.value(Long.class, "SELECT count(*) FROM ws_tickets WHERE token_hash = ? OR room = ?", ticket,
                ticket)).as("only a keyed hash is stored").isZero();
        assertThat(Db.value(String.class, "SELECT room FROM ws_tickets WHERE user_id = ? ORDER BY created_at DESC "
                + "LIMIT 1", chat.passenger().id())).isEqualTo("bookings/" + chat.bookingId());

        try (SocketClient first = SocketClient.connect(chat.path(), ticket)) {
            first.next("ready");
            assertRefused(SocketClient.connect(chat.path(), ticket), 4401, "ticket_used");
            assertThat(first.isOpen()).isTrue();
        }

        String late = SocketFixtures.issued(chat.driverToken(), "booking_id", chat.bookingId()).getString("ticket");
        Db.sql("UPDATE ws_tickets SET created_at = now() - interval '1 minute', expires_at = now() - interval '1 second' "
                + "WHERE user_id = ? AND used_at IS NULL", chat.trip().driver().id());
        assertRefused(SocketClient.connect(chat.path(), late), 4401, "ticket_expired");
    }

    @Test
    void aReconnectingClientResumesFromTheLastMessageItSaw() {
        Chat chat = Chat.accepted();
        String first;
        try (SocketClient passenger = SocketFixtures.chat(chat.passenger().token(), chat.bookingId())) {
            first = postOverRest(chat.driverToken(), chat, "Premier").getString("id");
            assertThat(passenger.next("message").getString("message.id")).isEqualTo(first);
        }
        // Offline meanwhile: three messages arrive.
        String second = postOverRest(chat.driverToken(), chat, "Deuxième").getString("id");
        String third = postOverRest(chat.passenger().token(), chat, "Troisième (autre appareil)").getString("id");
        String fourth = postOverRest(chat.driverToken(), chat, "Quatrième").getString("id");

        try (SocketClient passenger = SocketFixtures.chat(chat.passenger().token(), chat.bookingId())) {
            passenger.send(Map.of("type", "resume", "after", first));
            JsonPath resumed = passenger.next("resumed");
            assertThat(resumed.getInt("count")).isEqualTo(3);
            assertThat(resumed.getBoolean("complete")).isTrue();
            assertThat(resumed.getLong("last_seq")).isEqualTo(4L);
            List<String> replayed = passenger.all("message").stream().map(f -> f.getString("message.id")).toList();
            assertThat(replayed).containsExactly(second, third, fourth);

            // Resuming with nothing missed sends nothing; resuming from the start sends everything.
            passenger.send(Map.of("type", "resume", "after", fourth));
            assertThat(passenger.next("resumed").getInt("count")).isZero();
            passenger.send(Map.of("type", "resume"));
            assertThat(passenger.next("resumed").getInt("count")).isEqualTo(4);

            passenger.send(Map.of("type", "resume", "after", UUID.randomUUID().toString(), "client_id", "z"));
            JsonPath error = passenger.next("error");
            assertThat(error.getString("code")).isEqualTo("validation_error");
            assertThat(error.getMap("details.fields")).containsKey("after");
            assertThat(error.getString("client_id")).isEqualTo("z");
        }
    }

    @Test
    void theRestRulesHoldOnTheSocket() {
        Chat chat = Chat.accepted();
        try (SocketClient passenger = SocketFixtures.chat(chat.passenger().token(), chat.bookingId())) {
            passenger.sendText("{not json");
            assertThat(passenger.next("error").getString("details.reason")).isEqualTo("malformed_json");
            passenger.send(Map.of("type", "dance"));
            assertThat(passenger.next("error").getMap("details.fields")).containsKey("type");
            passenger.send(Map.of("type", "message", "text", "   "));
            assertThat(passenger.next("error").getMap("details.fields")).containsKey("text");
            passenger.send(Map.of("type", "message", "text", "x".repeat(MessageService.MAX_TEXT + 1)));
            assertThat(passenger.next("error").getMap("details.fields")).containsKey("text");
            passenger.send(Map.of("type", "message", "upload_key", "chat/elsewhere.png"));
            assertThat(passenger.next("error").getMap("details.fields")).containsKey("upload_key");
            passenger.send(Map.of("type", "read", "up_to", UUID.randomUUID().toString()));
            assertThat(passenger.next("error").getMap("details.fields")).containsKey("up_to");

            // The sender's chat budget is the REST one (messages.per_minute, 20).
            for (int i = 0; i < 20; i++) {
                passenger.send(Map.of("type", "message", "text", "Message " + i, "client_id", "n" + i));
            }
            passenger.send(Map.of("type", "message", "text", "Un de trop", "client_id", "extra"));
            JsonPath limited = passenger.next("error", frame -> "extra".equals(frame.getString("client_id")));
            assertThat(limited.getString("code")).isEqualTo("rate_limited");
            assertThat(limited.getString("details.scope")).isEqualTo("chat");
            assertThat(Db.value(Long.class, "SELECT count(*) FROM messages WHERE booking_id = ?::uuid",
                    chat.bookingId())).isEqualTo(20L);
            assertThat(passenger.isOpen()).as("refused frames leave the socket open").isTrue();
        }

        Response cancelled = BookingFixtures.action(chat.passenger().token(), chat.bookingId(), "cancel", "{}");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        try (SocketClient driver = SocketFixtures.chat(chat.driverToken(), chat.bookingId())) {
            driver.send(Map.of("type", "message", "text", "Dommage"));
            JsonPath closed = driver.next("error");
            assertThat(closed.getString("code")).isEqualTo("conflict");
            assertThat(closed.getString("details.reason")).isEqualTo("booking_cancelled");
            driver.send(Map.of("type", "resume"));
            assertThat(driver.next("resumed").getInt("count")).as("still readable").isEqualTo(20);
        }
    }

    static void assertRefused(SocketClient socket, int code, String reason) {
        try (socket) {
            SocketClient.Closed closed = socket.awaitClose();
            assertThat(closed.code()).as(closed.toString()).isEqualTo(code);
            assertThat(closed.reason()).isEqualTo(reason);
            assertThat(socket.all("ready")).isEmpty();
        }
    }
}

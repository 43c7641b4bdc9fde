package com.allocar.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures;
import com.allocar.bookings.BookingFixtures.Passenger;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.realtime.NotificationListener;
import com.allocar.realtime.PgListener;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.SocketClient;
import com.allocar.testsupport.TestSchemas;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several instances (docs/realtime.md, "Several instances"): rooms span servers through PostgreSQL LISTEN/NOTIFY.
 * The server under test is one instance; this test process is another one on the same database: it runs the
 * production listener ({@link PgListener}) on its own connection and hears what the server wrote, and it writes
 * messages and notifies as another instance's {@code MessageWriter} does, which the server's sockets must deliver from
 * the table. Also: a notification lost while the server's listening connection was down is made up when it
 * reconnects, a gap is filled from the table, and the heartbeat closes dead sockets.
 */
class RealtimeFanOutIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    record Chat(String bookingId, Passenger passenger, TripRef trip) {
        static Chat accepted() {
            TripRef trip = BookingFixtures.trip(3, true);
            Passenger passenger = Passenger.create();
            return new Chat(BookingFixtures.accepted(trip, passenger, 1), passenger, trip);
        }
    }

    /** A message written as another instance writes one: the booking's next number, notified in the transaction. */
    private static UUID writeElsewhere(Chat chat, UUID from, String text, boolean notify, boolean commit)
            throws SQLException {
        try (Connection db = TestSchemas.connect("public")) {
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement("SELECT id FROM bookings WHERE id = ?::uuid "
                    + "FOR NO KEY UPDATE")) {
                lock.setString(1, chat.bookingId());
                lock.executeQuery().close();
            }
            UUID id;
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO messages (booking_id, seq, from_user_id, "
                    + "type, content) SELECT ?::uuid, COALESCE(MAX(seq), 0) + 1, ?, 'text', ? FROM messages "
                    + "WHERE booking_id = ?::uuid RETURNING id")) {
                insert.setString(1, chat.bookingId());
                insert.setObject(2, from);
                insert.setString(3, text);
                insert.setString(4, chat.bookingId());
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getObject(1, UUID.class);
                }
            }
            if (notify) {
                try (PreparedStatement notification = db.prepareStatement("SELECT pg_notify(?, ?)")) {
                    notification.setString(1, NotificationListener.CHANNEL);
                    notification.setString(2, "m:" + id);
                    notification.execute();
                }
            }
            if (commit) {
                db.commit();
            } else {
                db.rollback();
            }
            return id;
        }
    }

    private static String poll(LinkedBlockingQueue<String> heard, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String payload = heard.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (expected.equals(payload)) {
                return payload;
            }
        }
        throw new AssertionError("the second listener did not hear " + expected);
    }

    @Test
    void aSecondInstanceHearsWhatTheServerWroteAndReadsItFromTheTable() throws Exception {
        LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
        CountDownLatch listening = new CountDownLatch(1);
        PgListener second = new PgListener(() -> TestSchemas.connect("public"), NotificationListener.CHANNEL,
                heard::addAll, listening::countDown);
        Thread thread = new Thread(second, "second-instance-listener");
        thread.start();
        try {
            assertThat(listening.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Chat chat = Chat.accepted();
            try (SocketClient passenger = SocketFixtures.chat(chat.passenger().token(), chat.bookingId())) {
                passenger.send(Map.of("type", "message", "text", "Vu de l'autre instance ?"));
                String id = passenger.next("ack").getString("message.id");
                poll(heard, "m:" + id);
                assertThat(Db.value(String.class, "SELECT content FROM messages WHERE id = ?::uuid "
                        + "AND booking_id = ?::uuid", id, chat.bookingId())).isEqualTo("Vu de l'autre instance ?");
            }
            try (SocketClient driver = SocketFixtures.location(chat.trip().driver().token(), chat.trip().id())) {
                driver.send(Map.of("type", "location", "lat", 5.36, "lon", -4.01));
                assertThat(driver.next("ack").getDouble("location.lat")).isEqualTo(5.36);
                poll(heard, "l:" + chat.trip().id());
                assertThat(Db.value(Double.class, "SELECT ST_Y(point::geometry) FROM driver_locations "
                        + "WHERE trip_id = ?::uuid", chat.trip().id())).isEqualTo(5.36);
            }
            assertThat(heard).as("ids only on the channel").noneMatch(payload -> payload.contains("Vu de"));
        } finally {
            second.stop();
            thread.join(5_000);
        }
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void messagesWrittenByAnotherInstanceReachTheServersSockets() throws Exception {
        Chat chat = Chat.accepted();
        try (SocketClient passenger = SocketFixtures.chat(chat.passenger().token(), chat.bookingId());
             SocketClient driver = SocketFixtures.chat(chat.trip().driver().token(), chat.bookingId())) {
            UUID rolledBack = writeElsewhere(chat, chat.trip().driver().id(), "Jamais envoyé", true, false);
            UUID id = writeElsewhere(chat, chat.trip().driver().id(), "Écrit par l'autre instance", true, true);
            for (SocketClient socket : List.of(passenger, driver)) {
                JsonPath frame = socket.next("message");
                assertThat(frame.getString("message.id")).isEqualTo(id.toString());
                assertThat(frame.getString("message.text")).isEqualTo("Écrit par l'autre instance");
                assertThat(frame.getLong("seq")).isEqualTo(1L);
            }
            assertThat(passenger.all("message")).noneMatch(f -> f.getString("message.id").equals(rolledBack.toString()));
        }
    }

    @Test
    void aGapIsFilledFromTheTableInOrder() throws Exception {
        Chat chat = Chat.accepted();
        try (SocketClient passenger = SocketFixtures.chat(chat.passenger().token(), chat.bookingId())) {
            UUID lost = writeElsewhere(chat, chat.trip().driver().id(), "Notification perdue", false, true);
            UUID next = writeElsewhere(chat, chat.trip().driver().id(), "Suivant", true, true);
            assertThat(passenger.next("message").getString("message.id")).isEqualTo(lost.toString());
            assertThat(passenger.next("message").getString("message.id")).isEqualTo(next.toString());
        }
    }

    @Test
    void whatWasMissedWhileTheListenerWasDownIsDeliveredWhenItReconnects() throws Exception {
        Chat chat = Chat.accepted();
        try (SocketClient passenger = SocketFixtures.chat(chat.passenger().token(), chat.bookingId())) {
            UUID missed = writeElsewhere(chat, chat.trip().driver().id(), "Pendant la coupure", false, true);
            List<Integer> before = listenerBackends();
            assertThat(before).as("one listening connection per instance").hasSize(1);
            assertThat(Db.value(Boolean.class, "SELECT pg_terminate_backend(?)", before.get(0))).isTrue();

            JsonPath frame = passenger.next("message");
            assertThat(frame.getString("message.id")).isEqualTo(missed.toString());
            Instant deadline = Instant.now().plus(WAIT);
            List<Integer> after = listenerBackends();
            while (!(after.size() == 1 && !after.equals(before)) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100); // no signal for a new backend: poll pg_stat_activity with a deadline
                after = listenerBackends();
            }
            assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);

            // And it listens again.
            UUID live = writeElsewhere(chat, chat.trip().driver().id(), "Après la coupure", true, true);
            assertThat(passenger.next("message").getString("message.id")).isEqualTo(live.toString());
        }
    }

    @Test
    void theHeartbeatClosesSocketsThatStoppedAnswering() {
        Chat chat = Chat.accepted();
        JsonPath ticket = SocketFixtures.issued(chat.passenger().token(), "booking_id", chat.bookingId());
        try (SocketClient alive = SocketFixtures.chat(chat.trip().driver().token(), chat.bookingId());
             SocketClient mute = SocketClient.connect(ticket.getString("path"),
                     List.of("allocar.v1", "ticket." + ticket.getString("ticket")), false)) {
            JsonPath ready = mute.next("ready");
            long idle = ready.getLong("idle_timeout_seconds");
            assertThat(ready.getLong("heartbeat_seconds")).isLessThan(idle);
            SocketClient.Closed closed = mute.awaitClose(Duration.ofSeconds(idle * 3 + 10));
            assertThat(closed.code()).isEqualTo(4408);
            assertThat(closed.reason()).isEqualTo("idle_timeout");
            assertThat(alive.isOpen()).as("a silent client that answers pings stays").isTrue();
            alive.send(Map.of("type", "ping"));
            alive.next("pong");
        }
    }

    private static List<Integer> listenerBackends() {
        List<Integer> pids = new java.util.ArrayList<>();
        Db.query("SELECT pid FROM pg_stat_activity WHERE application_name = ? ORDER BY pid", rows -> {
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
        }, NotificationListener.APPLICATION_NAME);
        return pids;
    }
}

package com.allocar.messaging;

import static com.allocar.testsupport.Answers.assertError;
import static com.allocar.testsupport.Answers.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures;
import com.allocar.bookings.BookingFixtures.Passenger;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.S3StandIn;
import com.allocar.testsupport.TestTokens;
import com.allocar.wallet.WalletFixtures;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** MSG-1: a booking's chat over REST, between its passenger and its driver only (docs/messaging.md). */
class MessagesIT {
    private static final String NUMBER = "07 07 12 34 56";
    private static final String ADDRESS = "awa.kone@gmail.com";

    /** A booking accepted at once on a new trip, with its passenger and driver. */
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
            return BookingFixtures.BOOKINGS + "/" + bookingId + "/messages";
        }
    }

    private static Response post(String token, Chat chat, Map<String, ?> body) {
        return Clients.withToken(token).body(Clients.json(body)).post(chat.path());
    }

    private static Response say(String token, Chat chat, String text) {
        return post(token, chat, Map.of("type", "text", "text", text));
    }

    /** Sends a text that must be accepted (201) and returns the message. */
    private static JsonPath said(String token, Chat chat, String text) {
        Response response = say(token, chat, text);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath();
    }

    private static Response page(String token, Chat chat, Map<String, ?> query) {
        return Clients.withToken(token).queryParams(query).get(chat.path());
    }

    private static JsonPath messages(String token, Chat chat) {
        Response response = page(token, chat, Map.of());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    private static Response read(String token, Chat chat, String upTo) {
        return Clients.withToken(token).body(Clients.json(Map.of("up_to", upTo))).post(chat.path() + "/read");
    }

    private static Response upload(String token, Chat chat, String contentType) {
        return Clients.withToken(token).body(Clients.json(Map.of("content_type", contentType)))
                .post(chat.path() + "/uploads");
    }

    @Test
    void bothPartiesWriteAndReadTheChat() {
        Chat chat = Chat.accepted();
        JsonPath first = said(chat.passenger().token(), chat, "Bonjour, je serai devant la pharmacie du Plateau.");
        assertThat(first.getString("data.type")).isEqualTo("text");
        assertThat(first.getString("data.booking_id")).isEqualTo(chat.bookingId());
        assertThat(first.getString("data.from_user_id")).isEqualTo(chat.passenger().id().toString());
        assertThat(first.getString("data.text")).isEqualTo("Bonjour, je serai devant la pharmacie du Plateau.");
        assertThat(first.getBoolean("data.masked")).isFalse();
        assertThat(first.getString("data.read_at")).isNull();
        assertThat(first.getString("data.image_url")).isNull();
        JsonPath answer = said(chat.driverToken(), chat, "  Parfait, à demain 7 h.\n");
        assertThat(answer.getString("data.text")).as("stripped").isEqualTo("Parfait, à demain 7 h.");

        for (String token : List.of(chat.passenger().token(), chat.driverToken())) {
            JsonPath page = messages(token, chat);
            assertThat(page.getList("data.messages.id")).containsExactly(answer.getString("data.id"),
                    first.getString("data.id"));
            assertThat(page.getList("data.messages.from_user_id")).containsExactly(
                    chat.trip().driver().id().toString(), chat.passenger().id().toString());
            assertThat(page.getString("data.next_before")).isNull();
        }
    }

    @Test
    void outsidersGetNotFoundAsForABookingThatDoesNotExist() {
        Chat chat = Chat.accepted();
        String id = said(chat.passenger().token(), chat, "Bonjour").getString("data.id");
        Chat other = Chat.accepted();
        Chat unknown = new Chat(UUID.randomUUID().toString(), chat.passenger(), chat.trip());
        for (String outsider : List.of(Passenger.create().token(), other.driverToken(), other.passenger().token())) {
            assertError(page(outsider, chat, Map.of()), 404, "not_found");
            assertError(say(outsider, chat, "Coucou"), 404, "not_found");
            assertError(read(outsider, chat, id), 404, "not_found");
            assertError(upload(outsider, chat, "image/jpeg"), 404, "not_found");
        }
        assertError(page(chat.passenger().token(), unknown, Map.of()), 404, "not_found");
        assertError(say(chat.passenger().token(), unknown, "Coucou"), 404, "not_found");
        assertThat(Db.value(Long.class, "SELECT count(*) FROM messages WHERE booking_id = ?::uuid", chat.bookingId()))
                .isEqualTo(1L);
        assertError(Clients.anonymous().get(chat.path()), 401, "auth_required");
        assertError(Clients.withToken(TestTokens.forAdmin("super")).get(chat.path()), 403, "forbidden");
    }

    @Test
    void cursorPagesReturnEveryMessageExactlyOnceWhileNewOnesArrive() {
        Chat chat = Chat.accepted();
        List<String> written = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            String token = i % 2 == 0 ? chat.driverToken() : chat.passenger().token();
            written.add(said(token, chat, "Message " + i).getString("data.id"));
        }
        List<String> seen = new ArrayList<>();
        Map<String, Object> query = new LinkedHashMap<>(Map.of("limit", 5));
        int pages = 0;
        while (true) {
            Response response = page(chat.passenger().token(), chat, query);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            List<String> ids = response.jsonPath().getList("data.messages.id");
            assertThat(ids).hasSizeLessThanOrEqualTo(5);
            seen.addAll(ids);
            pages++;
            // New messages arrive between pages: the next pages do not shift.
            said(pages % 2 == 0 ? chat.driverToken() : chat.passenger().token(), chat, "Nouveau " + pages);
            String next = response.jsonPath().getString("data.next_before");
            if (next == null) {
                break;
            }
            query.put("before", next);
        }
        assertThat(pages).isEqualTo(5);
        List<String> newestFirst = new ArrayList<>(written);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        JsonPath latest = messages(chat.driverToken(), chat);
        assertThat(latest.getList("data.messages")).as("23 and 5 new ones, under the default limit").hasSize(28);
        assertThat(latest.getString("data.messages[0].text")).isEqualTo("Nouveau 5");
        assertThat(latest.getString("data.next_before")).isNull();

        assertInvalid(page(chat.passenger().token(), chat, Map.of("before", "bm90LWEtY3Vyc29y")), "before");
        assertInvalid(page(chat.passenger().token(), chat, Map.of("before", "m1:3")), "before");
        assertInvalid(page(chat.passenger().token(), chat, Map.of("limit", 0)), "limit");
        assertInvalid(page(chat.passenger().token(), chat, Map.of("limit", 101)), "limit");
        assertInvalid(page(chat.passenger().token(), chat, Map.of("limit", "dix")), "limit");
        assertInvalid(page(chat.passenger().token(), chat, Map.of("sort", "created_at")), "sort");
    }

    @Test
    void messagesWrittenAtOnceAreAllKeptInOneOrder() throws Exception {
        Chat chat = Chat.accepted();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String token = i % 2 == 0 ? chat.driverToken() : chat.passenger().token();
                String text = "En même temps " + i;
                writes.add(() -> say(token, chat, text).statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(writes)) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> numbers = new ArrayList<>();
        Db.query("SELECT seq FROM messages WHERE booking_id = ?::uuid ORDER BY seq", rows -> {
            while (rows.next()) {
                numbers.add(rows.getLong(1));
            }
        }, chat.bookingId());
        assertThat(numbers).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 16).boxed().toList());
        assertThat(messages(chat.passenger().token(), chat).getList("data.messages")).hasSize(16);
    }

    @Test
    void readReceiptsMarkTheOtherPartysMessagesAndUnreadCountsFollow() {
        Chat chat = Chat.accepted();
        TripRef secondTrip = BookingFixtures.trip(3, true);
        Chat second = new Chat(BookingFixtures.accepted(secondTrip, chat.passenger(), 1), chat.passenger(), secondTrip);
        Chat quiet = new Chat(BookingFixtures.accepted(BookingFixtures.trip(3, true), chat.passenger(), 1),
                chat.passenger(), null);
        String mine = said(chat.passenger().token(), chat, "Je peux mettre une valise ?").getString("data.id");
        List<String> driver = new ArrayList<>();
        for (String text : List.of("Oui", "Une seule", "Et un sac à main")) {
            driver.add(said(chat.driverToken(), chat, text).getString("data.id"));
        }
        said(second.driverToken(), second, "Départ confirmé");

        assertThat(unreadOnTheList(chat.passenger().token(), "passenger"))
                .containsEntry(chat.bookingId(), 3).containsEntry(second.bookingId(), 1)
                .containsEntry(quiet.bookingId(), 0);
        assertThat(unreadOnTheList(chat.driverToken(), "driver")).containsEntry(chat.bookingId(), 1);
        assertThat(BookingFixtures.get(chat.passenger().token(), chat.bookingId()).jsonPath()
                .getInt("data.unread_messages")).isEqualTo(3);

        Response partly = read(chat.passenger().token(), chat, driver.get(1));
        assertThat(partly.statusCode()).as(partly.asString()).isEqualTo(200);
        assertThat(partly.jsonPath().getInt("data.marked")).isEqualTo(2);
        assertThat(partly.jsonPath().getInt("data.unread_messages")).isEqualTo(1);
        assertThat(partly.jsonPath().getString("data.up_to")).isEqualTo(driver.get(1));
        Response again = read(chat.passenger().token(), chat, driver.get(1));
        assertThat(again.jsonPath().getInt("data.marked")).as("idempotent").isZero();
        assertThat(again.jsonPath().getInt("data.unread_messages")).isEqualTo(1);
        Map<String, String> readAt = readAt(chat.driverToken(), chat);
        assertThat(readAt.get(driver.get(0))).isNotNull();
        assertThat(readAt.get(driver.get(1))).isEqualTo(readAt.get(driver.get(0)));
        assertThat(readAt.get(driver.get(2))).isNull();
        assertThat(readAt.get(mine)).as("the reader's own messages are the other party's to read").isNull();

        Response rest = read(chat.passenger().token(), chat, driver.get(2));
        assertThat(rest.jsonPath().getInt("data.marked")).isEqualTo(1);
        assertThat(rest.jsonPath().getInt("data.unread_messages")).isZero();
        assertThat(readAt(chat.passenger().token(), chat).get(driver.get(0))).as("an earlier read time stays")
                .isEqualTo(readAt.get(driver.get(0)));
        assertThat(unreadOnTheList(chat.passenger().token(), "passenger"))
                .containsEntry(chat.bookingId(), 0).containsEntry(second.bookingId(), 1);

        Response driverReads = read(chat.driverToken(), chat, driver.get(2));
        assertThat(driverReads.jsonPath().getInt("data.marked")).isEqualTo(1);
        assertThat(readAt(chat.passenger().token(), chat).get(mine)).isNotNull();

        assertInvalid(read(chat.passenger().token(), chat, UUID.randomUUID().toString()), "up_to");
        String elsewhere = said(second.driverToken(), second, "Autre chat").getString("data.id");
        assertInvalid(read(chat.passenger().token(), chat, elsewhere), "up_to");
        assertError(Clients.withToken(chat.passenger().token()).body("{}").post(chat.path() + "/read"), 400,
                "validation_error");
    }

    @Test
    void contactDetailsAreMaskedWhenWrittenBeforePaymentAndNotAfter() {
        Chat chat = Chat.accepted();
        String text = "Appelle-moi au " + NUMBER + " ou au +225 05 45 12 34 56, ou écris à " + ADDRESS
                + ". Départ le 12.05.2026 à 07:30, 6 000 F.";
        JsonPath before = said(chat.passenger().token(), chat, text);
        String masked = "Appelle-moi au [numéro masqué] ou au [numéro masqué], ou écris à [e-mail masqué]. "
                + "Départ le 12.05.2026 à 07:30, 6 000 F.";
        assertThat(before.getString("data.text")).isEqualTo(masked);
        assertThat(before.getBoolean("data.masked")).isTrue();
        assertThat(Db.value(String.class, "SELECT content FROM messages WHERE id = ?::uuid",
                before.getString("data.id"))).as("stored masked: it never leaks").isEqualTo(masked);
        assertThat(said(chat.driverToken(), chat, "07.07.12.34.56 sur WhatsApp").getString("data.text"))
                .isEqualTo("[numéro masqué] sur WhatsApp");

        WalletFixtures.fund(chat.passenger().id(), 6000);
        Response paid = BookingFixtures.pay(chat.passenger().token(), chat.bookingId(), "wallet");
        assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(201);
        assertThat(BookingFixtures.get(chat.passenger().token(), chat.bookingId()).jsonPath().getString("data.status"))
                .isEqualTo("paid");

        JsonPath after = said(chat.passenger().token(), chat, text);
        assertThat(after.getString("data.text")).isEqualTo(text);
        assertThat(after.getBoolean("data.masked")).isFalse();
        JsonPath page = messages(chat.driverToken(), chat);
        assertThat(page.getList("data.messages.text")).containsExactly(text, "[numéro masqué] sur WhatsApp", masked);
        assertThat(page.getList("data.messages.masked")).containsExactly(false, true, true);
    }

    @Test
    void aCancelledBookingKeepsItsChatReadableButClosed() {
        Chat chat = Chat.accepted();
        String id = said(chat.passenger().token(), chat, "À demain").getString("data.id");
        said(chat.driverToken(), chat, "À demain !");
        Response cancelled = BookingFixtures.action(chat.passenger().token(), chat.bookingId(), "cancel", "{}");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        assertThat(cancelled.jsonPath().getInt("data.unread_messages")).isEqualTo(1);

        for (String token : List.of(chat.passenger().token(), chat.driverToken())) {
            assertThat(messages(token, chat).getList("data.messages")).hasSize(2);
            Response refused = say(token, chat, "Encore là ?");
            assertError(refused, 409, "conflict");
            assertThat(refused.jsonPath().getString("error.details.reason")).isEqualTo("booking_cancelled");
            assertError(upload(token, chat, "image/png"), 409, "conflict");
        }
        Response receipt = read(chat.driverToken(), chat, id);
        assertThat(receipt.statusCode()).as("receipts still work").isEqualTo(200);
        assertThat(receipt.jsonPath().getInt("data.marked")).isEqualTo(1);
    }

    @Test
    void aCompletedRideTakesMessagesForAWeek() {
        Chat chat = Chat.accepted();
        Db.sql("UPDATE bookings SET status = 'completed', completed_at = now() - interval '6 days' "
                + "WHERE id = ?::uuid", chat.bookingId());
        said(chat.passenger().token(), chat, "J'ai oublié mon parapluie dans le coffre");
        assertThat(said(chat.driverToken(), chat, "Je te le rapporte, appelle le " + NUMBER).getBoolean("data.masked"))
                .as("paid before completion: nothing masked").isFalse();

        Db.sql("UPDATE bookings SET completed_at = now() - interval '7 days 1 minute' WHERE id = ?::uuid",
                chat.bookingId());
        Response closed = say(chat.passenger().token(), chat, "Merci !");
        assertError(closed, 409, "conflict");
        assertThat(closed.jsonPath().getString("error.details.reason")).isEqualTo("chat_closed");
        assertThat(Instant.parse(closed.jsonPath().getString("error.details.closed_at"))).isBefore(Instant.now());
        assertThat(messages(chat.passenger().token(), chat).getList("data.messages")).hasSize(2);
    }

    @Test
    void anImageIsUploadedThroughAPresignedUrlAndReadThroughAnother() {
        Chat chat = Chat.accepted();
        Response started = upload(chat.passenger().token(), chat, "image/png");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(201);
        JsonPath slot = started.jsonPath();
        String key = slot.getString("data.upload_key");
        assertThat(key).matches("chat/" + chat.bookingId() + "/" + chat.passenger().id() + "/[0-9a-f-]{36}\\.png");
        assertThat(slot.getString("data.method")).isEqualTo("PUT");
        assertThat(slot.getMap("data.headers")).isEqualTo(Map.of("Content-Type", "image/png"));
        String uploadUrl = slot.getString("data.upload_url");
        assertThat(uploadUrl).startsWith(S3StandIn.plainUrl(S3StandIn.kycBucket(), key) + "?");
        assertThat(S3StandIn.query(uploadUrl)).containsKey("X-Amz-Signature").containsEntry("X-Amz-Expires", "600");

        Map<String, String> image = Map.of("type", "image", "upload_key", key);
        assertInvalid(post(chat.passenger().token(), chat, image), "upload_key");

        byte[] bytes = S3StandIn.randomImage(8192);
        assertThat(S3StandIn.upload("PUT", uploadUrl, Map.of("Content-Type", "image/png"), bytes)).isEqualTo(200);
        assertInvalid(post(chat.driverToken(), chat, image), "upload_key");
        Response sent = post(chat.passenger().token(), chat, image);
        assertThat(sent.statusCode()).as(sent.asString()).isEqualTo(201);
        assertThat(sent.jsonPath().getString("data.type")).isEqualTo("image");
        assertThat(sent.jsonPath().getString("data.text")).isNull();
        assertThat(sent.asString()).doesNotContain(key + "\"");

        JsonPath page = messages(chat.driverToken(), chat);
        String imageUrl = page.getString("data.messages[0].image_url");
        assertThat(imageUrl).startsWith(S3StandIn.plainUrl(S3StandIn.kycBucket(), key) + "?");
        assertThat(S3StandIn.query(imageUrl)).containsKey("X-Amz-Signature").containsEntry("X-Amz-Expires", "300");
        assertThat(Instant.parse(page.getString("data.messages[0].image_url_expires_at"))).isAfter(Instant.now());
        HttpResponse<byte[]> read = S3StandIn.get(imageUrl);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(bytes);

        Response twice = post(chat.passenger().token(), chat, image);
        assertError(twice, 409, "conflict");
        assertThat(twice.jsonPath().getString("error.details.reason")).isEqualTo("upload_already_sent");
        assertThat(twice.jsonPath().getString("error.details.message_id")).isEqualTo(sent.jsonPath().getString("data.id"));

        Chat other = new Chat(BookingFixtures.accepted(chat.trip(), Passenger.create(), 1), null, chat.trip());
        assertInvalid(post(chat.driverToken(), other, image), "upload_key");
        String neverUploaded = "chat/" + chat.bookingId() + "/" + chat.passenger().id() + "/" + UUID.randomUUID() + ".jpg";
        assertInvalid(post(chat.passenger().token(), chat, Map.of("type", "image", "upload_key", neverUploaded)),
                "upload_key");
        assertInvalid(post(chat.passenger().token(), chat, Map.of("type", "image", "upload_key", "users/x/photo.png")),
                "upload_key");
        assertInvalid(upload(chat.passenger().token(), chat, "image/gif"), "content_type");
        assertInvalid(upload(chat.passenger().token(), chat, "application/pdf"), "content_type");
    }

    @Test
    void badMessagesAreRefusedWithTheErrorEnvelope() {
        Chat chat = Chat.accepted();
        String token = chat.passenger().token();
        assertInvalid(say(token, chat, ""), "text");
        assertInvalid(say(token, chat, "   \n "), "text");
        assertInvalid(say(token, chat, "a".repeat(MessageService.MAX_TEXT + 1)), "text");
        assertInvalid(say(token, chat, "Bonjour\u0000"), "text");
        assertInvalid(say(token, chat, "Bonjour\u0007"), "text");
        assertInvalid(post(token, chat, Map.of("type", "text")), "text");
        assertInvalid(post(token, chat, Map.of("text", "Bonjour")), "type");
        assertInvalid(post(token, chat, Map.of("type", "video", "text", "Bonjour")), "type");
        assertInvalid(post(token, chat, Map.of("type", "text", "text", "Bonjour", "upload_key", "chat/x.png")),
                "upload_key");
        assertInvalid(post(token, chat, Map.of("type", "image")), "upload_key");
        assertInvalid(post(token, chat, Map.of("type", "image", "text", "légende", "upload_key", "chat/x.png")),
                "text");
        assertError(Clients.withToken(token).body("not json").post(chat.path()), 400, "validation_error");
        assertThat(Db.value(Long.class, "SELECT count(*) FROM messages WHERE booking_id = ?::uuid", chat.bookingId()))
                .isZero();

        String longest = "😀".repeat(MessageService.MAX_TEXT);
        assertThat(said(token, chat, longest).getString("data.text")).as("characters, not UTF-16 units")
                .isEqualTo(longest);
        assertThat(said(token, chat, "Ligne 1\nLigne 2\tfin").getString("data.text")).isEqualTo("Ligne 1\nLigne 2\tfin");
    }

    @Test
    void aRetriedPostWithItsIdempotencyKeyWritesOneMessage() {
        Chat chat = Chat.accepted();
        String key = "msg-" + UUID.randomUUID();
        String body = Clients.json(Map.of("type", "text", "text", "Je suis en route"));
        Response first = Clients.withToken(chat.passenger().token()).header("Idempotency-Key", key).body(body)
                .post(chat.path());
        Response retry = Clients.withToken(chat.passenger().token()).header("Idempotency-Key", key).body(body)
                .post(chat.path());
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.jsonPath().getString("data.id")).isEqualTo(first.jsonPath().getString("data.id"));
        assertThat(Db.value(Long.class, "SELECT count(*) FROM messages WHERE booking_id = ?::uuid", chat.bookingId()))
                .isEqualTo(1L);
        Response other = Clients.withToken(chat.passenger().token()).header("Idempotency-Key", key)
                .body(Clients.json(Map.of("type", "text", "text", "Autre chose"))).post(chat.path());
        assertError(other, 422, "idempotency_conflict");
    }

    @Test
    void aSenderHasABudgetOfMessagesAMinute() {
        Chat chat = Chat.accepted();
        Set<Integer> statuses = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(say(chat.driverToken(), chat, "Message " + i).statusCode());
        }
        assertThat(statuses).containsOnly(201);
        Response refused = say(chat.driverToken(), chat, "Un de trop");
        assertError(refused, 429, "rate_limited");
        assertThat(refused.jsonPath().getString("error.details.scope")).isEqualTo("chat");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertError(upload(chat.driverToken(), chat, "image/jpeg"), 429, "rate_limited");
        assertThat(say(chat.passenger().token(), chat, "Doucement !").statusCode()).as("the other party's own budget")
                .isEqualTo(201);
        assertThat(messages(chat.driverToken(), chat).getList("data.messages")).hasSize(21);
    }

    /** unread_messages of each booking of the caller's list (one page). */
    private static Map<String, Integer> unreadOnTheList(String token, String role) {
        JsonPath list = Clients.withToken(token).queryParam("role", role).queryParam("page_size", 100)
                .get(BookingFixtures.BOOKINGS).then().statusCode(200).extract().jsonPath();
        Map<String, Integer> unread = new LinkedHashMap<>();
        List<String> ids = list.getList("data.id");
        List<Integer> counts = list.getList("data.unread_messages");
        for (int i = 0; i < ids.size(); i++) {
            unread.put(ids.get(i), counts.get(i));
        }
        return unread;
    }

    /** read_at of each message of the chat's first page, as the caller sees it. */
    private static Map<String, String> readAt(String token, Chat chat) {
        JsonPath page = messages(token, chat);
        Map<String, String> readAt = new LinkedHashMap<>();
        List<String> ids = page.getList("data.messages.id");
        List<String> times = page.getList("data.messages.read_at");
        for (int i = 0; i < ids.size(); i++) {
            readAt.put(ids.get(i), times.get(i));
        }
        return readAt;
    }
}

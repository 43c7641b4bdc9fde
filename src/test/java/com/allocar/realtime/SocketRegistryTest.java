package com.allocar.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SocketRegistryTest {
    private static final AtomicInteger IDS = new AtomicInteger();

    /** A socket that is open and sends nothing (only its id and state are asked for here). */
    private static Peer peer(String room) {
        String id = "s" + IDS.incrementAndGet();
        Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "isOpen" -> true;
                    case "hashCode" -> id.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        return new Peer(session, UUID.randomUUID(), room, Runnable::run, 4);
    }

    @Test
    void aRoomLivesWhileItHasSocketsAndKeepsItsCursor() {
        SocketRegistry registry = new SocketRegistry();
        Peer first = peer("bookings/a");
        Peer second = peer("bookings/a");
        Room room = registry.join(first, 7);
        assertThat(room.cursor()).isEqualTo(7);
        room.advance(9);
        room.advance(8);
        assertThat(room.cursor()).as("never goes back").isEqualTo(9);
        assertThat(registry.join(second, 3)).isSameAs(room);
        assertThat(room.cursor()).as("a room that exists keeps its cursor").isEqualTo(9);
        registry.join(peer("trips/b/driver-location"), 0);
        assertThat(registry.rooms("bookings/")).containsExactly(room);
        assertThat(registry.peers()).hasSize(3);

        registry.leave(first);
        assertThat(registry.room("bookings/a")).contains(room);
        registry.leave(second);
        assertThat(registry.room("bookings/a")).isEmpty();
        assertThat(registry.join(first, 12).cursor()).as("a new room starts from its own cursor").isEqualTo(12);
    }

    @Test
    void joinsAndLeavesAtOnceLoseNoSocket() throws Exception {
        SocketRegistry registry = new SocketRegistry();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Peer stays = peer("bookings/busy");
        registry.join(stays, 0);
        for (int i = 0; i < 2_000; i++) {
            pool.execute(() -> {
                Peer passing = peer("bookings/busy");
                registry.join(passing, 0);
                registry.leave(passing);
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(registry.room("bookings/busy")).hasValueSatisfying(room -> assertThat(room.peers())
                .containsExactly(stays));
    }
}

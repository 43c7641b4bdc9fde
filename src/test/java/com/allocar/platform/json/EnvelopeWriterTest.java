package com.allocar.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.platform.api.Envelope;
import com.allocar.platform.api.ErrorEnvelope;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class EnvelopeWriterTest {
    private final EnvelopeWriter writer = new EnvelopeWriter();

    /** Remembers whether it was closed: the container, not the writer, closes the response stream. */
    private static final class Body extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    public record Place(String text, double lat, Integer stopOrder) {
    }

    @Test
    void writesTheSameUtf8JsonAsTheApiConfigurationWithoutClosingTheStream() throws Exception {
        Envelope<List<Place>> envelope = new Envelope<>(
                List.of(new Place("Côte d'Ivoire, Étape 1 « Yakro »", 6.8205, null), new Place("Bouaké", 7.69, 2)),
                new Envelope.Meta("req-12345678", null));
        Body body = new Body();

        writer.writeTo(envelope, Envelope.class, Envelope.class, new java.lang.annotation.Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, null, body);

        assertThat(body.closed).isFalse();
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo(Json.write(envelope))
                .contains("\"text\":\"Côte d'Ivoire, Étape 1 « Yakro »\"").contains("\"request_id\":\"req-12345678\"")
                .doesNotContain("stop_order\":null");
    }

    @Test
    void takesOnlyTheEnvelopesAsJson() {
        assertThat(writer.isWriteable(Envelope.class, Envelope.class, null, MediaType.APPLICATION_JSON_TYPE)).isTrue();
        assertThat(writer.isWriteable(ErrorEnvelope.class, ErrorEnvelope.class, null, MediaType.APPLICATION_JSON_TYPE))
                .isTrue();
        assertThat(writer.isWriteable(String.class, String.class, null, MediaType.APPLICATION_JSON_TYPE)).isFalse();
        assertThat(writer.isWriteable(Map.class, Map.class, null, MediaType.APPLICATION_JSON_TYPE)).isFalse();
        assertThat(writer.isWriteable(Envelope.class, Envelope.class, null, new MediaType("image", "png"))).isFalse();
    }
}

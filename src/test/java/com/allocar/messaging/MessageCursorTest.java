package com.allocar.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MessageCursorTest {

    @Test
    void aCursorNamesAMessageNumberAndReadsBack() {
        for (long seq : new long[] {1, 2, 31, 1_000_000_007L}) {
            String cursor = MessageCursor.before(seq);
            assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain(Long.toString(seq));
            assertThat(MessageCursor.parse(cursor)).hasValue(seq);
        }
    }

    @Test
    void anythingElseIsNotACursor() {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        for (String text : new String[] {"m1:0", "m1:-3", "m1:", "m1:12x", "m2:12", "12", "m1:0012",
                "m1:99999999999999999999"}) {
            assertThat(MessageCursor.parse(encoder.encodeToString(text.getBytes(StandardCharsets.US_ASCII))))
                    .as(text).isEmpty();
        }
        assertThat(MessageCursor.parse("not base64 !")).isEmpty();
        assertThat(MessageCursor.parse("")).isEmpty();
        assertThat(MessageCursor.parse(null)).isEmpty();
        assertThat(MessageCursor.parse("A".repeat(65))).isEmpty();
    }
}

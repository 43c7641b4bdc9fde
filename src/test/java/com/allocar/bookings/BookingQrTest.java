package com.allocar.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.platform.security.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingQrTest {
    private final BookingQr qr = withPepper("pepper-one");

    @Test
    void aCodeNamesItsBookingAndVerifies() {
        UUID booking = UUID.randomUUID();
        String code = qr.issue(booking);
        assertThat(code).startsWith(booking + ".");
        assertThat(qr.verify(code)).contains(booking);
        assertThat(qr.issue(booking)).as("unguessable: a new random part each time").isNotEqualTo(code);
    }

    @Test
    void aCodeMovedToAnotherBookingOrAlteredOrSignedWithAnotherKeyFails() {
        UUID booking = UUID.randomUUID();
        String code = qr.issue(booking);
        String moved = UUID.randomUUID() + code.substring(code.indexOf('.'));
        assertThat(qr.verify(moved)).isEmpty();
        char last = code.charAt(code.length() - 1);
        assertThat(qr.verify(code.substring(0, code.length() - 1) + (last == '0' ? '1' : '0'))).isEmpty();
        assertThat(withPepper("pepper-two").verify(code)).isEmpty();
        assertThat(qr.verify("nonsense")).isEmpty();
        assertThat(qr.verify("a.b.c")).isEmpty();
        assertThat(qr.verify(null)).isEmpty();
    }

    @Test
    void theImageIsAPng() {
        byte[] png = BookingQr.png(qr.issue(UUID.randomUUID()));
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(png.length).isGreaterThan(200);
    }

    private static BookingQr withPepper(String pepper) {
        BookingQr qr = new BookingQr();
        qr.keys = new SigningKeys() {
            @Override
            public byte[] pepper() {
                return pepper.getBytes(StandardCharsets.UTF_8);
            }
        };
        return qr;
    }
}

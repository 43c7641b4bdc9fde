package com.allocar.bookings;

import com.allocar.platform.security.Hashes;
import com.allocar.platform.security.SigningKeys;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * The boarding code of a paid booking (BOOK-5): {@code <booking id>.<128 random bits>.<HMAC>}, keyed with the
 * server's pepper. The booking id lets the driver's app name the booking; the random part makes it unguessable
 * even to someone who knows the id; the MAC binds the two, so a code cannot be moved to another booking. Check-in
 * accepts a code only when it verifies and equals the one stored on the booking.
 */
@ApplicationScoped
public class BookingQr {
    private static final int PNG_SIZE = 360;

    @Inject
    SigningKeys keys;

    /** A new code for the booking. */
    public String issue(UUID bookingId) {
        String payload = bookingId + "." + Hashes.randomToken(16);
        return payload + "." + mac(payload);
    }

    /** The booking a well-formed, genuine code names; empty for anything else. */
    public Optional<UUID> verify(String code) {
        if (code == null || code.length() > 200) {
            return Optional.empty();
        }
        int lastDot = code.lastIndexOf('.');
        int firstDot = code.indexOf('.');
        if (firstDot <= 0 || lastDot == firstDot) {
            return Optional.empty();
        }
        String payload = code.substring(0, lastDot);
        if (!Hashes.constantTimeEquals(mac(payload), code.substring(lastDot + 1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(code.substring(0, firstDot)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The code as a PNG image (black on white, quiet zone included). */
    public static byte[] png(String code) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, PNG_SIZE, PNG_SIZE,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("QR encoding failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String mac(String payload) {
        return Hashes.hmacSha256Hex(keys.pepper(), "booking-qr:" + payload);
    }
}

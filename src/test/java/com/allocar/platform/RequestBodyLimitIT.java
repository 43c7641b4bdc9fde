package com.allocar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.ItServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * API-7: request bodies are capped (1 MiB on the API, 64 KiB on provider webhooks) and refused with 413
 * {@code payload_too_large}, whether the client declares the length or streams the body in chunks. Raw sockets, so
 * that the test controls the framing: a declared length is refused although its body is never sent.
 */
class RequestBodyLimitIT {
    private static final int API_MAX = 1024 * 1024;
    private static final int WEBHOOK_MAX = 64 * 1024;

    @Test
    void aDeclaredLengthOverTheCapIsRefusedBeforeTheBodyIsRead() throws IOException {
        Answer answer = send("POST", "/api/v1/auth/login", "Content-Length: " + (API_MAX + 1), null);
        assertPayloadTooLarge(answer, API_MAX);
    }

    @Test
    void aDeclaredLengthOverTheWebhookCapIsRefused() throws IOException {
        Answer answer = send("POST", "/api/v1/payments/webhook/wave", "Content-Length: " + (WEBHOOK_MAX + 1), null);
        assertPayloadTooLarge(answer, WEBHOOK_MAX);
    }

    @Test
    void aChunkedBodyIsCutOffAtTheCap() throws IOException {
        byte[] body = ("{\"identifier\":\"" + "a".repeat(API_MAX) + "\",\"password\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8);
        Answer answer = send("POST", "/api/v1/auth/login", "Transfer-Encoding: chunked", body);
        assertPayloadTooLarge(answer, API_MAX);
    }

    @Test
    void aChunkedWebhookIsCutOffAtTheWebhookCap() throws IOException {
        byte[] body = ("{\"padding\":\"" + "a".repeat(WEBHOOK_MAX) + "\"}").getBytes(StandardCharsets.UTF_8);
        Answer answer = send("POST", "/api/v1/payments/webhook/wave", "Transfer-Encoding: chunked", body);
        assertPayloadTooLarge(answer, WEBHOOK_MAX);
    }

    @Test
    void bodiesWithinTheCapAreReadAsBefore() throws IOException {
        byte[] login = ("{\"identifier\":\"" + Accounts.newPhone() + "\",\"password\":\"not-the-password\"}")
                .getBytes(StandardCharsets.UTF_8);
        Answer chunked = send("POST", "/api/v1/auth/login", "Transfer-Encoding: chunked", login);
        assertThat(chunked.status).as(chunked.body).isEqualTo(401);

        byte[] webhook = ("{\"padding\":\"" + "a".repeat(WEBHOOK_MAX - 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        Answer unsigned = send("POST", "/api/v1/payments/webhook/wave", "Transfer-Encoding: chunked", webhook);
        assertThat(unsigned.status).as("read in full, then refused for its missing signature").isEqualTo(401);
        assertThat(error(unsigned).getString("code")).isEqualTo("webhook_invalid_signature");
    }

    private static void assertPayloadTooLarge(Answer answer, int cap) {
        assertThat(answer.status).as(answer.body).isEqualTo(413);
        JsonObject error = error(answer);
        assertThat(error.getString("code")).isEqualTo("payload_too_large");
        assertThat(error.getJsonObject("details").getJsonNumber("max_bytes").longValue()).isEqualTo(cap);
        assertThat(answer.head).contains("x-request-id:");
    }

    private static JsonObject error(Answer answer) {
        return Json.createReader(new StringReader(answer.body)).readObject().getJsonObject("error");
    }

    private record Answer(int status, String head, String body) {
    }

    /**
     * One request on its own connection: the head, then (when given) the body in 8 KiB chunks. The server may answer
     * and close before the whole body is sent; the answer is read whatever happened to the rest.
     */
    private static Answer send(String method, String path, String framing, byte[] chunkedBody) throws IOException {
        ItServer.awaitReady();
        URI base = URI.create(ItServer.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "X-Forwarded-For: " + Clients.randomAddress() + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json\r\nConnection: close\r\n" + framing + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (chunkedBody != null) {
                try {
                    for (int from = 0; from < chunkedBody.length; from += 8192) {
                        byte[] chunk = Arrays.copyOfRange(chunkedBody, from, Math.min(chunkedBody.length, from + 8192));
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedEarly) {
                    // The server answered before taking the rest: read what it said.
                }
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
                if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (IOException reset) {
            // A reset after the answer arrived changes nothing.
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        assertThat(split).as("an HTTP answer: " + text).isPositive();
        String head = text.substring(0, split).toLowerCase(Locale.ROOT);
        String body = text.substring(split + 4);
        if (head.contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
    }

    /** Whether the answer so far holds its whole body (by Content-Length or the last chunk). */
    private static boolean complete(String text) {
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        String head = text.substring(0, split).toLowerCase(Locale.ROOT);
        int at = head.indexOf("content-length:");
        if (at >= 0) {
            int end = head.indexOf("\r\n", at);
            long length = Long.parseLong(head.substring(at + 15, end < 0 ? head.length() : end).trim());
            return text.length() - split - 4 >= length;
        }
        return head.contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int end = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, end).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, end + 2, end + 2 + size);
            at = end + 2 + size + 2;
        }
    }
}

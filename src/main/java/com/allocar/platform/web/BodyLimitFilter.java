package com.allocar.platform.web;

import com.allocar.platform.errors.PayloadTooLargeException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps request bodies (API-7): {@code ALLOCAR_MAX_WEBHOOK_BODY_BYTES} on provider webhooks,
 * {@code ALLOCAR_MAX_BODY_BYTES} elsewhere. A declared {@code Content-Length} over the cap is refused before a byte is
 * read; a body without one (chunked) is read through a counting stream that fails at the first byte past the cap,
 * so no reader ever holds more than the cap in memory. Both answer 413 {@code payload_too_large}.
 */
public class BodyLimitFilter extends HttpFilter {
    @Inject
    @ConfigProperty(name = "ALLOCAR_MAX_BODY_BYTES", defaultValue = "1048576")
    long apiMaxBytes;

    @Inject
    @ConfigProperty(name = "ALLOCAR_MAX_WEBHOOK_BODY_BYTES", defaultValue = "65536")
    long webhookMaxBytes;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long cap = Routes.isWebhook(request.getRequestURI()) ? webhookMaxBytes : apiMaxBytes;
        if (request.getContentLengthLong() > cap) {
            refuse(response, cap);
            return;
        }
        Bounded bounded = new Bounded(request, cap);
        try {
            chain.doFilter(bounded, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!bounded.exceeded || response.isCommitted()) {
                throw failure;
            }
            replaceWithRefusal(response, cap);
            return;
        }
        // The exception mapper answers 413 for the overflow wherever JAX-RS read the body; this catches a reader
        // that swallowed the failure and answered something else.
        if (bounded.exceeded && response.getStatus() != 413 && !response.isCommitted()) {
            replaceWithRefusal(response, cap);
        }
    }

    /** Drops whatever was prepared and answers 413, keeping the request id and the security headers. */
    private static void replaceWithRefusal(HttpServletResponse response, long cap) {
        response.reset();
        response.setHeader(RequestContextFilter.REQUEST_ID_HEADER, RequestContext.requestId());
        SecurityHeaders.apply(response);
        refuse(response, cap);
    }

    /** The refusal; the connection is closed, since the rest of the body was not read. */
    private static void refuse(HttpServletResponse response, long cap) {
        PayloadTooLargeException refused = tooLarge(cap);
        response.setHeader("Connection", "close");
        ErrorResponses.write(response, refused.code(), refused.getMessage(), refused.details());
    }

    static PayloadTooLargeException tooLarge(long cap) {
        return new PayloadTooLargeException("The request body may hold at most " + cap + " bytes.",
                Map.of("max_bytes", cap));
    }

    /** Thrown by the bounded stream; its cause is the catalogue exception, which the exception mapper answers. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long cap) {
            super("request body over " + cap + " bytes", tooLarge(cap));
        }
    }

    /** The request with its body readable up to the cap, as a stream or as characters. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long cap;
        private ServletInputStream stream;
        private BufferedReader reader;
        private long read;
        private boolean exceeded;

        Bounded(HttpServletRequest request, long cap) {
            super(request);
            this.cap = cap;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() was already called");
            }
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                if (stream != null) {
                    throw new IllegalStateException("getInputStream() was already called");
                }
                reader = new BufferedReader(new InputStreamReader(new Counting(super.getInputStream()), charset()));
            }
            return reader;
        }

        private Charset charset() throws UnsupportedEncodingException {
            String name = getCharacterEncoding();
            try {
                return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new UnsupportedEncodingException(name);
            }
        }

        private void count(long bytes) throws BodyTooLargeException {
            read += bytes;
            if (read > cap) {
                exceeded = true;
                throw new BodyTooLargeException(cap);
            }
        }

        /** Counts what the container's stream hands out; fails once past the cap. */
        private final class Counting extends ServletInputStream {
            private final ServletInputStream in;

            Counting(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                // Never more than one byte past the cap per call, so the overflow is seen without reading on.
                long left = Math.max(0, cap - read) + 1;
                int n = in.read(buffer, offset, (int) Math.min(length, left));
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}

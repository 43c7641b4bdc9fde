package com.allocar.platform.json;

import com.allocar.platform.api.Envelope;
import com.allocar.platform.api.ErrorEnvelope;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes the API's envelopes as UTF-8 JSON straight into the response stream, with {@link Json#JSONB}. Liberty's
 * JSON-B provider first builds the whole document as a String, then encodes it into a second copy: for a 20 KB
 * search page that was about a quarter of all the bytes the server allocated under load. Other entities (strings,
 * images) keep their usual writers.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class EnvelopeWriter implements MessageBodyWriter<Object> {
    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return (type == Envelope.class || type == ErrorEnvelope.class)
                && MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType);
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        OutputStream stream = new KeptOpen(out);
        Json.JSONB.toJson(entity, stream);
        stream.flush();
    }

    /** JSON-B closes the stream it writes to; the container owns the response stream and closes it itself. */
    private static final class KeptOpen extends FilterOutputStream {
        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

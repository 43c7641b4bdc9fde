package com.allocar.platform.web;

import com.allocar.platform.metrics.HttpMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * First filter of every request: request id (API-9), client address, security headers and CORS (API-8),
 * then, once the response is known, one log line (OBS-1) and the HTTP metrics (OBS-2).
 */
public class RequestContextFilter extends HttpFilter {
    public static final String REQUEST_ID_HEADER = "X-Request-ID";
    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{8,128}");
    private static final Logger ACCESS = Logger.getLogger("com.allocar.request");

    @Inject
    ClientAddressResolver clientAddresses;
    @Inject
    CorsPolicy cors;
    @Inject
    HttpMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        String requestId = requestIdOf(request);
        String clientIp = clientAddresses.resolve(request);
        request.setAttribute(RequestAttributes.CLIENT_IP, clientIp);
        RequestContext.begin(requestId, clientIp);
        LogFields.put("request_id", requestId);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        SecurityHeaders.apply(response);
        try {
            if (cors.handle(request, response)) {
                return; // a preflight, answered in full
            }
            chain.doFilter(request, response);
        } finally {
            long elapsedNanos = System.nanoTime() - started;
            finish(request, response, clientIp, elapsedNanos);
            LogFields.remove("request_id");
            RequestContext.end();
        }
    }

    private void finish(HttpServletRequest request, HttpServletResponse response, String clientIp, long nanos) {
        String route = (String) request.getAttribute(RequestAttributes.ROUTE);
        Object subject = request.getAttribute(RequestAttributes.SUBJECT);
        int status = response.getStatus();
        metrics.record(request.getMethod(), route == null ? "unmatched" : route, status, nanos);
        String[][] fields = {
                {"user_id", subject == null ? null : subject.toString()},
                {"method", request.getMethod()},
                {"path", request.getRequestURI()},
                {"route", route},
                {"status", Integer.toString(status)},
                {"latency_ms", milliseconds(nanos)},
                {"client_ip", clientIp}};
        for (String[] field : fields) {
            LogFields.put(field[0], field[1]);
        }
        Level level = status >= 500 ? Level.WARNING : Level.INFO;
        ACCESS.log(level, () -> request.getMethod() + " " + request.getRequestURI() + " " + status + " "
                + fields[5][1] + " ms");
        for (String[] field : fields) {
            LogFields.remove(field[0]);
        }
    }

    /** "12.34": String.format cost as much as the rest of the log line, on every request. */
    static String milliseconds(long nanos) {
        return BigDecimal.valueOf(Math.round(nanos / 10_000.0), 2).toPlainString();
    }

    private static String requestIdOf(HttpServletRequest request) {
        String offered = request.getHeader(REQUEST_ID_HEADER);
        if (offered != null && ACCEPTABLE_ID.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }
}

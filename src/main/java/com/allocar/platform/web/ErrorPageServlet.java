package com.allocar.platform.web;

import com.allocar.platform.errors.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page (web.xml): paths outside the REST API and failures before it still get the
 * error envelope, never an HTML page.
 */
public class ErrorPageServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int code = status instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        ErrorCode errorCode = ErrorCode.forStatus(code);
        if (failure != null || code >= 500) {
            LOG.log(Level.SEVERE, "Failure outside the REST API, request " + RequestContext.requestId(), failure);
        }
        ErrorResponses.write(response, errorCode, null, Map.of());
    }
}

package com.allocar.realtime;

import com.allocar.platform.errors.ApiException;
import com.allocar.platform.errors.ErrorCode;
import com.allocar.platform.json.Json;
import java.util.Map;

/**
 * The frames every socket shares (docs/realtime.md, "Frames"), written with the API's one JSON-B configuration
 * (snake_case, nulls left out). The domains write their own frames as records the same way ({@link #write}).
 */
public final class Frames {
    private Frames() {
    }

    /** {@code {type: "ready", room, user_id, heartbeat_seconds, idle_timeout_seconds, role?}}: admitted. */
    public record Ready(String type, String room, String userId, String role, long heartbeatSeconds,
                        long idleTimeoutSeconds) {
    }

    /** {@code {type: "error", code, message, details?, client_id?}}: a frame was refused; the socket stays open. */
    public record Error(String type, String code, String message, Map<String, Object> details, String clientId) {
    }

    /** {@code {type: "pong"}}, the answer to {@code {type: "ping"}}. */
    public record Pong(String type) {
    }

    public static String write(Object frame) {
        return Json.write(frame);
    }

    public static String pong() {
        return write(new Pong("pong"));
    }

    public static String error(ApiException problem, String clientId) {
        return write(new Error("error", problem.code().name(), problem.getMessage(),
                problem.details().isEmpty() ? null : problem.details(), clientId));
    }

    public static String error(ErrorCode code, String message, Map<String, Object> details, String clientId) {
        return write(new Error("error", code.name(), message == null ? code.defaultMessage() : message,
                details == null || details.isEmpty() ? null : details, clientId));
    }
}

package uz.suhbat.adapter.in.web.openai;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI's error shape, {@code {"error": {"message", "type", "param", "code"}}}, so that OpenAI's own client libraries
 * raise their usual exceptions (401 AuthenticationError, 429 RateLimitError, ...). A refusal that waiting will not
 * cure carries {@code x-should-retry: false}, which OpenAI's clients obey instead of retrying.
 */
final class OpenAiErrors {

    private static final JsonMapper JSON = JsonMapper.shared();

    private OpenAiErrors() {
    }

    static String body(String message, String type, String code, String param) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return JSON.writeValueAsString(Map.of("error", error));
    }

    static ResponseEntity<String> response(HttpStatus status, String message, String type, String code, String param) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header("x-should-retry", "false")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body(message, type, code, param));
    }

    /** The status and OpenAI error type that go with each of our codes. */
    static HttpStatus status(String type) {
        return switch (type) {
            case "authentication_error" -> HttpStatus.UNAUTHORIZED;
            case "permission_error" -> HttpStatus.FORBIDDEN;
            case "insufficient_quota" -> HttpStatus.TOO_MANY_REQUESTS;
            case "service_unavailable" -> HttpStatus.SERVICE_UNAVAILABLE;
            case "server_error" -> HttpStatus.BAD_GATEWAY;
            case "timeout" -> HttpStatus.GATEWAY_TIMEOUT;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}

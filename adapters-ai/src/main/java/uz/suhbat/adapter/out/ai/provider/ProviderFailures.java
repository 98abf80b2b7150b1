package uz.suhbat.adapter.out.ai.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.anthropic.internal.api.AnthropicStreamingException;
import java.util.Optional;
import java.util.regex.Pattern;
import uz.suhbat.adapter.out.ai.UpstreamFailure;
import uz.suhbat.application.port.out.ai.ChatModelPort.FailureKind;

/**
 * Reads Anthropic's and Gemini's error shapes before {@link UpstreamFailure#of} reads the rest (the
 * HTTP status, network errors, a silent stream). Details carry the status and the provider's
 * machine-readable error type only: the messages may quote part of a key.
 */
final class ProviderFailures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Anthropic: "prompt is too long: 210000 tokens > 200000 maximum"; Gemini: "The input token count (…) exceeds the maximum number of tokens allowed (…)". */
    private static final Pattern TOO_LONG = Pattern.compile(
            "prompt is too long|exceeds? (the )?context (limit|window)|exceeds the maximum number of tokens", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private ProviderFailures() {
    }

    /** Anthropic: an {@code error} event in the stream, or an error body {@code {"type":"error","error":{"type":…,"message":…}}}. */
    static UpstreamFailure anthropic(Throwable error) {
        AnthropicStreamingException streamed = find(error, AnthropicStreamingException.class);
        if (streamed != null) {
            return anthropicEvent(word(streamed.type()), streamed.getMessage());
        }
        HttpException refused = find(error, HttpException.class);
        if (refused == null) {
            return UpstreamFailure.of(error);
        }
        JsonNode body = parse(refused.getMessage()).path("error");
        return refusal(UpstreamFailure.of(error), word(body.path("type").asText("")), body.path("message").asText(""), false);
    }

    /**
     * Gemini: an error body {@code {"error":{"code":…,"message":…,"status":…,"details":[…]}}}, in the
     * response or inside the stream. A refused key is a 400 there, told apart by its reason.
     */
    static UpstreamFailure gemini(Throwable error) {
        HttpException refused = find(error, HttpException.class);
        if (refused == null) {
            return UpstreamFailure.of(error);
        }
        JsonNode body = parse(refused.getMessage()).path("error");
        boolean keyRefused = false;
        for (JsonNode detail : body.path("details")) {
            keyRefused |= detail.path("reason").asText("").startsWith("API_KEY_");
        }
        return refusal(UpstreamFailure.of(error), word(body.path("status").asText("")), body.path("message").asText(""), keyRefused);
    }

    /** A Gemini error found inside a stream, as the HTTP error it stands for. */
    static HttpException geminiStreamError(String data) {
        JsonNode error = parse(data).path("error");
        int code = error.path("code").asInt(500);
        return new HttpException(code >= 400 && code < 600 ? code : 500, data);
    }

    private static UpstreamFailure refusal(UpstreamFailure byStatus, String type, String message, boolean keyRefused) {
        String detail = "HTTP " + byStatus.status() + (type.isEmpty() ? "" : " " + type);
        FailureKind kind = byStatus.kind();
        if (keyRefused) {
            kind = FailureKind.AUTHENTICATION;
        } else if (kind == FailureKind.BAD_REQUEST && TOO_LONG.matcher(message).find()) {
            kind = FailureKind.CONTEXT_TOO_LONG;
        }
        boolean retryable = kind == byStatus.kind() && byStatus.retryable();
        return new UpstreamFailure(kind, byStatus.status(), detail, retryable, retryable ? byStatus.retryAfter() : Optional.empty());
    }

    /** Anthropic's error types as its API reference lists them; an unknown type fails without retry. */
    private static UpstreamFailure anthropicEvent(String type, String message) {
        String detail = "stream error " + type;
        return switch (type) {
            case "overloaded_error", "api_error", "timeout_error" ->
                    new UpstreamFailure(FailureKind.UNAVAILABLE, 0, detail, true, Optional.empty());
            case "rate_limit_error" -> new UpstreamFailure(FailureKind.RATE_LIMITED, 0, detail, true, Optional.empty());
            case "authentication_error", "permission_error" ->
                    new UpstreamFailure(FailureKind.AUTHENTICATION, 0, detail, false, Optional.empty());
            case "invalid_request_error" -> new UpstreamFailure(
                    message != null && TOO_LONG.matcher(message).find() ? FailureKind.CONTEXT_TOO_LONG : FailureKind.BAD_REQUEST,
                    0, detail, false, Optional.empty());
            default -> new UpstreamFailure(FailureKind.BAD_REQUEST, 0, detail, false, Optional.empty());
        };
    }

    private static JsonNode parse(String text) {
        try {
            return text == null ? JSON.missingNode() : JSON.readTree(text);
        } catch (Exception notJson) {
            return JSON.missingNode();
        }
    }

    /** A machine-readable word, or nothing: never free text from the provider. */
    private static String word(String value) {
        return value != null && WORD.matcher(value).matches() ? value : "";
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

package uz.suhbat.adapter.in.web.openai;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uz.suhbat.adapter.in.web.chat.AnswerFailures;
import uz.suhbat.application.port.in.api.ApiCompletionUseCase;
import uz.suhbat.application.port.in.api.ApiCompletionUseCase.Outcome;
import uz.suhbat.application.port.in.api.ApiKeysUseCase.ApiCaller;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerFailure;
import uz.suhbat.application.port.in.chat.ChatQuery.DailyAllowance;
import uz.suhbat.application.port.in.chat.ChatQuery.ModelOption;
import uz.suhbat.application.port.in.chat.ChatQuery.SourceView;
import uz.suhbat.domain.chat.Role;

/**
 * OpenAI's {@code GET /v1/models} and {@code POST /v1/chat/completions} (streamed as {@code data:} chunks ending with
 * {@code data: [DONE]}, or answered whole), in the shapes of OpenAI's published API description, for a caller
 * identified by a personal API key. A PDF model's passages travel in an extra field {@code sources}.
 */
@RestController
class OpenAiApiController {

    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MediaType EVENT_STREAM = new MediaType("text", "event-stream", StandardCharsets.UTF_8);
    private static final MediaType UTF8_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final ApiCompletionUseCase completions;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    OpenAiApiController(ApiCompletionUseCase completions, MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.completions = completions;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @GetMapping(value = "/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> models(@AuthenticationPrincipal ApiCaller caller) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (ModelOption option : completions.models(caller.userId())) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("id", option.id());
            model.put("object", "model");
            model.put("created", 0);
            model.put("owned_by", "suhbat");
            model.put("name", option.name());
            model.put("kind", option.kind());
            model.put("description", option.description());
            data.add(model);
        }
        return Map.of("object", "list", "data", data);
    }

    @PostMapping(value = "/v1/chat/completions")
    Object complete(@AuthenticationPrincipal ApiCaller caller, @RequestBody(required = false) String body, HttpServletRequest http) {
        Locale locale = locales.resolveLocale(http);
        Parsed parsed;
        try {
            parsed = parse(body);
        } catch (BadRequest bad) {
            return error(locale, "invalid_request_error", bad.code, bad.param);
        }
        String id = "chatcmpl-" + HexFormat.of().formatHex(randomBytes());
        long created = clock.instant().getEpochSecond();
        ApiCompletionUseCase.Request request = new ApiCompletionUseCase.Request(parsed.model, parsed.messages);
        if (parsed.stream) {
            return stream(caller, request, parsed, id, created, locale);
        }
        return whole(caller, request, parsed, id, created, locale);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private Object stream(ApiCaller caller, ApiCompletionUseCase.Request request, Parsed parsed, String id, long created, Locale locale) {
        ResponseBodyEmitter emitter = new ResponseBodyEmitter(TIMEOUT.toMillis());
        StreamingListener listener = new StreamingListener(emitter, parsed, id, created, locale);
        Outcome outcome = completions.complete(caller, request, listener);
        if (outcome instanceof Outcome.Refused refused) {
            return refusal(refused, locale);
        }
        Runnable stop = ((Outcome.Started) outcome).stop();
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        listener.afterStart();
        return ResponseEntity.ok().contentType(EVENT_STREAM).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Accel-Buffering", "no").body(emitter);
    }

    private Object whole(ApiCaller caller, ApiCompletionUseCase.Request request, Parsed parsed, String id, long created, Locale locale) {
        DeferredResult<ResponseEntity<String>> result = new DeferredResult<>(TIMEOUT.toMillis());
        WholeListener listener = new WholeListener(result, parsed, id, created, locale);
        Outcome outcome = completions.complete(caller, request, listener);
        if (outcome instanceof Outcome.Refused refused) {
            return refusal(refused, locale);
        }
        Runnable stop = ((Outcome.Started) outcome).stop();
        result.onTimeout(() -> {
            stop.run();
            result.setResult(error(locale, "timeout", "model_timeout", null));
        });
        result.onError(error -> stop.run());
        return result;
    }

    private ResponseEntity<String> refusal(Outcome.Refused refused, Locale locale) {
        ResponseEntity<String> response = switch (refused.reason()) {
            case INVALID_MESSAGES -> error(locale, "invalid_request_error", "invalid_messages", "messages");
            case UNKNOWN_MODEL -> error(locale, "invalid_request_error", "model_not_found", "model");
            case CONTEXT_TOO_LONG -> error(locale, "invalid_request_error", "context_length_exceeded", "messages");
            case BLOCKED -> error(locale, "permission_error", "account_blocked", null);
            case EMAIL_NOT_VERIFIED -> error(locale, "permission_error", "email_not_verified", null);
            case MODEL_NOT_CONFIGURED -> error(locale, "service_unavailable", "model_not_configured", null);
            case DAILY_QUOTA_REACHED -> error(locale, "insufficient_quota", "daily_quota_reached", null);
        };
        Optional<DailyAllowance> today = refused.today();
        if (today.isPresent()) {
            long seconds = Math.max(1, Duration.between(clock.instant(), today.get().resetsAt()).toSeconds());
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                    .header("x-ratelimit-limit-requests", String.valueOf(today.get().quota()))
                    .header("x-ratelimit-remaining-requests", "0")
                    .body(response.getBody());
        }
        return response;
    }

    private ResponseEntity<String> error(Locale locale, String type, String code, String param) {
        return OpenAiErrors.response(OpenAiErrors.status(type), messages.getMessage("openai.error." + code, null, locale), type, code, param);
    }

    private static String failureType(AnswerFailure failure) {
        return switch (failure) {
            case MODEL_NOT_CONFIGURED, MODEL_RATE_LIMITED -> "service_unavailable";
            case MODEL_TIMEOUT -> "timeout";
            case CHAT_CONTEXT_FULL, MODEL_BAD_REQUEST -> "invalid_request_error";
            case MODEL_AUTH_FAILED, MODEL_UNAVAILABLE, ANSWER_INTERRUPTED -> "server_error";
        };
    }

    private String failureMessage(AnswerFailure failure, Locale locale) {
        return messages.getMessage(AnswerFailures.messageKey(failure), null, locale);
    }

    // ---- request ----

    private record Parsed(String model, List<ApiCompletionUseCase.Turn> messages, boolean stream, boolean includeUsage) {
    }

    private static final class BadRequest extends Exception {
        final String code;
        final String param;

        BadRequest(String code, String param) {
            super(code, null, false, false);
            this.code = code;
            this.param = param;
        }
    }

    private Parsed parse(String body) throws BadRequest {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JacksonException e) {
            throw new BadRequest("invalid_json", null);
        }
        if (root == null || !root.isObject()) {
            throw new BadRequest("invalid_json", null);
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isString() || model.asString().isBlank()) {
            throw new BadRequest("missing_model", "model");
        }
        JsonNode messages = root.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new BadRequest("invalid_messages", "messages");
        }
        List<ApiCompletionUseCase.Turn> turns = new ArrayList<>();
        for (JsonNode message : messages) {
            turns.add(turn(message));
        }
        JsonNode n = root.get("n");
        if (n != null && !n.isNull() && n.asInt(1) != 1) {
            throw new BadRequest("unsupported_n", "n");
        }
        boolean stream = root.path("stream").asBoolean(false);
        boolean includeUsage = root.path("stream_options").path("include_usage").asBoolean(false);
        return new Parsed(model.asString(), turns, stream, includeUsage);
    }

    /** A message of the conversation: text only (a string, or text parts); tools, images and audio are refused. */
    private static ApiCompletionUseCase.Turn turn(JsonNode message) throws BadRequest {
        String roleName = message.path("role").asString("");
        Role role = switch (roleName) {
            case "system", "developer" -> Role.SYSTEM;
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            default -> throw new BadRequest("unsupported_role", "messages");
        };
        JsonNode content = message.get("content");
        if (content != null && content.isString()) {
            return new ApiCompletionUseCase.Turn(role, content.asString());
        }
        if (content != null && content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (!"text".equals(part.path("type").asString("")) || !part.path("text").isString()) {
                    throw new BadRequest("unsupported_content", "messages");
                }
                text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asString());
            }
            return new ApiCompletionUseCase.Turn(role, text.toString());
        }
        throw new BadRequest("unsupported_content", "messages");
    }

    // ---- responses ----

    private static List<Map<String, Object>> sourcesJson(List<SourceView> sources) {
        return sources.stream().map(s -> Map.<String, Object>of("page", s.page(), "text", s.text())).toList();
    }

    private static Map<String, Object> usage(int input, int output) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", input);
        usage.put("completion_tokens", output);
        usage.put("total_tokens", input + output);
        return usage;
    }

    /** The whole answer in one {@code chat.completion} once the model is done. */
    private final class WholeListener implements ApiCompletionUseCase.Listener {
        private final DeferredResult<ResponseEntity<String>> result;
        private final Parsed parsed;
        private final String id;
        private final long created;
        private final Locale locale;
        private final StringBuilder text = new StringBuilder();
        private volatile List<SourceView> sources;

        WholeListener(DeferredResult<ResponseEntity<String>> result, Parsed parsed, String id, long created, Locale locale) {
            this.result = result;
            this.parsed = parsed;
            this.id = id;
            this.created = created;
            this.locale = locale;
        }

        @Override
        public void sources(List<SourceView> sources) {
            this.sources = sources;
        }

        @Override
        public synchronized void delta(String piece) {
            text.append(piece);
        }

        @Override
        public void done(int inputTokens, int outputTokens) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("role", "assistant");
            message.put("content", content());
            message.put("refusal", null);
            message.put("annotations", List.of());
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("index", 0);
            choice.put("message", message);
            choice.put("logprobs", null);
            choice.put("finish_reason", "stop");
            Map<String, Object> completion = new LinkedHashMap<>();
            completion.put("id", id);
            completion.put("object", "chat.completion");
            completion.put("created", created);
            completion.put("model", parsed.model);
            completion.put("choices", List.of(choice));
            completion.put("usage", usage(inputTokens, outputTokens));
            if (sources != null) {
                completion.put("sources", sourcesJson(sources));
            }
            result.setResult(ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(json.writeValueAsString(completion)));
        }

        private synchronized String content() {
            return text.toString();
        }

        @Override
        public void failed(AnswerFailure failure) {
            String type = failureType(failure);
            result.setResult(OpenAiErrors.response(OpenAiErrors.status(type), failureMessage(failure, locale), type,
                    AnswerFailures.code(failure), null));
        }
    }

    /** {@code chat.completion.chunk} events as they come: the role (and a PDF model's sources) first, then the text. */
    private final class StreamingListener implements ApiCompletionUseCase.Listener {
        private final ResponseBodyEmitter emitter;
        private final Parsed parsed;
        private final String id;
        private final long created;
        private final Locale locale;
        private final AtomicReference<List<SourceView>> sources = new AtomicReference<>();
        private boolean opened;

        StreamingListener(ResponseBodyEmitter emitter, Parsed parsed, String id, long created, Locale locale) {
            this.emitter = emitter;
            this.parsed = parsed;
            this.id = id;
            this.created = created;
            this.locale = locale;
        }

        /** The role chunk goes out at once, so that a client sees the stream open before the model's first word. */
        synchronized void afterStart() {
            open();
        }

        @Override
        public void sources(List<SourceView> sources) {
            this.sources.set(sources);
        }

        private synchronized void open() {
            if (opened) {
                return;
            }
            opened = true;
            Map<String, Object> delta = new LinkedHashMap<>();
            delta.put("role", "assistant");
            delta.put("content", "");
            Map<String, Object> chunk = chunk(delta, null);
            List<SourceView> found = sources.get();
            if (found != null) {
                chunk.put("sources", sourcesJson(found));
            }
            send(chunk);
        }

        @Override
        public synchronized void delta(String piece) {
            open();
            send(chunk(Map.of("content", piece), null));
        }

        @Override
        public synchronized void done(int inputTokens, int outputTokens) {
            open();
            send(chunk(Map.of(), "stop"));
            if (parsed.includeUsage) {
                Map<String, Object> last = chunk(null, null);
                last.put("choices", List.of());
                last.put("usage", usage(inputTokens, outputTokens));
                send(last);
            }
            sendRaw("data: [DONE]\n\n");
            emitter.complete();
        }

        @Override
        public synchronized void failed(AnswerFailure failure) {
            String type = failureType(failure);
            sendRaw("data: " + OpenAiErrors.body(failureMessage(failure, locale), type, AnswerFailures.code(failure), null) + "\n\n");
            emitter.complete();
        }

        private Map<String, Object> chunk(Map<String, Object> delta, String finishReason) {
            Map<String, Object> chunk = new LinkedHashMap<>();
            chunk.put("id", id);
            chunk.put("object", "chat.completion.chunk");
            chunk.put("created", created);
            chunk.put("model", parsed.model);
            if (delta != null) {
                Map<String, Object> choice = new LinkedHashMap<>();
                choice.put("index", 0);
                choice.put("delta", delta);
                choice.put("logprobs", null);
                choice.put("finish_reason", finishReason);
                chunk.put("choices", List.of(choice));
            }
            return chunk;
        }

        private void send(Map<String, Object> chunk) {
            sendRaw("data: " + json.writeValueAsString(chunk) + "\n\n");
        }

        private void sendRaw(String text) {
            try {
                emitter.send(text, UTF8_TEXT);
            } catch (IOException | IllegalStateException gone) {
                // tells the service that nobody listens any more, so the answer stops
                throw new IllegalStateException("the client went away", gone);
            }
        }
    }
}

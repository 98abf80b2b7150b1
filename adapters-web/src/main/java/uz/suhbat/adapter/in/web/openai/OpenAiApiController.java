package uz.suhbat.adapter.in.web.openai;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
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
import tools.jackson.databind.json.JsonMapper;
import uz.suhbat.application.port.in.api.ApiCompletionUseCase;
import uz.suhbat.application.port.in.api.ApiCompletionUseCase.Outcome;
import uz.suhbat.application.port.in.api.ApiKeysUseCase.ApiCaller;
import uz.suhbat.application.port.in.chat.ChatQuery.DailyAllowance;
import uz.suhbat.application.port.in.chat.ChatQuery.ModelOption;

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

    private final ApiCompletionUseCase completions;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final CompletionReplies replies;
    private final Clock clock = Clock.systemUTC();

    OpenAiApiController(ApiCompletionUseCase completions, MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.completions = completions;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.replies = new CompletionReplies(json, messages);
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
        CompletionRequest parsed;
        try {
            parsed = CompletionRequest.parse(json, body);
        } catch (CompletionRequest.BadRequest bad) {
            return error(locale, "invalid_request_error", bad.code, bad.param);
        }
        String id = "chatcmpl-" + HexFormat.of().formatHex(randomBytes());
        long created = clock.instant().getEpochSecond();
        ApiCompletionUseCase.Request request = new ApiCompletionUseCase.Request(parsed.model(), parsed.messages());
        if (parsed.stream()) {
            return stream(caller, request, parsed, id, created, locale);
        }
        return whole(caller, request, parsed, id, created, locale);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private Object stream(ApiCaller caller, ApiCompletionUseCase.Request request, CompletionRequest parsed, String id, long created, Locale locale) {
        ResponseBodyEmitter emitter = new ResponseBodyEmitter(TIMEOUT.toMillis());
        CompletionReplies.StreamingListener listener = replies.new StreamingListener(emitter, parsed, id, created, locale);
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

    private Object whole(ApiCaller caller, ApiCompletionUseCase.Request request, CompletionRequest parsed, String id, long created, Locale locale) {
        DeferredResult<ResponseEntity<String>> result = new DeferredResult<>(TIMEOUT.toMillis());
        CompletionReplies.WholeListener listener = replies.new WholeListener(result, parsed, id, created, locale);
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

}

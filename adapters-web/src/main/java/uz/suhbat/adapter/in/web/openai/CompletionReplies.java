package uz.suhbat.adapter.in.web.openai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.json.JsonMapper;
import uz.suhbat.adapter.in.web.chat.AnswerFailures;
import uz.suhbat.application.port.in.api.ApiCompletionUseCase;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerFailure;
import uz.suhbat.application.port.in.chat.ChatQuery.SourceView;

/**
 * The answers of {@code POST /v1/chat/completions} in OpenAI's shapes: one {@code chat.completion} once the model is
 * done, or {@code chat.completion.chunk} events as the answer comes; failures as OpenAI error bodies.
 */
final class CompletionReplies {

    private static final MediaType UTF8_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final JsonMapper json;
    private final MessageSource messages;

    CompletionReplies(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    private static String failureType(AnswerFailure failure) {
        return switch (failure) {
            case MODEL_NOT_CONFIGURED, MODEL_RATE_LIMITED -> "service_unavailable";
            case MODEL_TIMEOUT -> "timeout";
            case CHAT_CONTEXT_FULL, MODEL_BAD_REQUEST -> "invalid_request_error";
            case MODEL_AUTH_FAILED, MODEL_UNAVAILABLE, ANSWER_INTERRUPTED -> "server_error";
        };
    }

    String failureMessage(AnswerFailure failure, Locale locale) {
        return messages.getMessage(AnswerFailures.messageKey(failure), null, locale);
    }

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
    final class WholeListener implements ApiCompletionUseCase.Listener {
        private final DeferredResult<ResponseEntity<String>> result;
        private final CompletionRequest parsed;
        private final String id;
        private final long created;
        private final Locale locale;
        private final StringBuilder text = new StringBuilder();
        private volatile List<SourceView> sources;

        WholeListener(DeferredResult<ResponseEntity<String>> result, CompletionRequest parsed, String id, long created, Locale locale) {
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
            completion.put("model", parsed.model());
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
    final class StreamingListener implements ApiCompletionUseCase.Listener {
        private final ResponseBodyEmitter emitter;
        private final CompletionRequest parsed;
        private final String id;
        private final long created;
        private final Locale locale;
        private final AtomicReference<List<SourceView>> sources = new AtomicReference<>();
        private boolean opened;

        StreamingListener(ResponseBodyEmitter emitter, CompletionRequest parsed, String id, long created, Locale locale) {
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
            if (parsed.includeUsage()) {
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
            chunk.put("model", parsed.model());
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

package uz.suhbat.adapter.out.ai.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages API for tests: {@code POST /v1/messages} with {@code "stream": true} answered
 * with its server-sent events ({@code message_start}, {@code content_block_start}, {@code ping},
 * one {@code content_block_delta} with a {@code text_delta} per piece, {@code content_block_stop},
 * {@code message_delta} with the stop reason and output tokens, {@code message_stop}; or an
 * {@code error} event), and {@code GET /v1/models} in pages ({@code limit}, {@code after_id}).
 *
 * <p>Like the API, it wants {@code x-api-key} and {@code anthropic-version} headers (401 and 400
 * without), and, after {@link #requireKey}, the right key. Every request body, event and error
 * body is checked against {@code anthropic/messages-api-subset.schema.json}; a non-conforming
 * request is refused with a 400 and kept in {@link #violations()}.
 *
 * <p>Scripted {@link Reply.Refusal}s are sent as Anthropic error bodies, their {@code type} being
 * Anthropic's error type; see {@link #unauthorized()}, {@link #rateLimited(int)},
 * {@link #overloaded()}, {@link #promptTooLong()}.
 */
public final class FakeAnthropic extends ProviderFake {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final AtomicInteger messages = new AtomicInteger();

    private FakeAnthropic() {
        super(ApiSchema.of(ApiSchema.ANTHROPIC), List.of("claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"));
    }

    public static FakeAnthropic start() {
        return new FakeAnthropic();
    }

    /** The base64 image blocks of the last user message. */
    @Override
    public List<SentImage> images(RecordedRequest request) {
        List<SentImage> images = new ArrayList<>();
        JsonNode last = null;
        for (JsonNode message : request.body().path("messages")) {
            if ("user".equals(message.path("role").asString(""))) {
                last = message;
            }
        }
        if (last != null) {
            last.path("content").forEach(block -> {
                if ("image".equals(block.path("type").asString(""))) {
                    images.add(new SentImage(block.path("source").path("media_type").asString(""),
                            java.util.Base64.getDecoder().decode(block.path("source").path("data").asString(""))));
                }
            });
        }
        return images;
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public static Reply.Refusal unauthorized() {
        return Reply.error(401, "authentication_error", null, "invalid x-api-key");
    }

    public static Reply.Refusal rateLimited(int retryAfterSeconds) {
        return new Reply.Refusal(429, "rate_limit_error", null, "Number of request tokens has exceeded your per-minute rate limit.",
                retryAfterSeconds);
    }

    /** Anthropic's own status for a busy API. */
    public static Reply.Refusal overloaded() {
        return Reply.error(529, "overloaded_error", null, "Overloaded");
    }

    public static Reply.Refusal serverError() {
        return Reply.error(500, "api_error", null, "Internal server error");
    }

    public static Reply.Refusal promptTooLong() {
        return Reply.error(400, "invalid_request_error", null, "prompt is too long: 210000 tokens > 200000 maximum");
    }

    public static Reply.Refusal unknownModel(String model) {
        return Reply.error(404, "not_found_error", null, "model: " + model);
    }

    @Override
    protected String keyOf(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("x-api-key");
    }

    @Override
    protected void respond(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        boolean messagesPath = path.equals("/v1/messages");
        boolean modelsPath = path.equals("/v1/models");
        if (!(messagesPath && method.equals("POST")) && !(modelsPath && method.equals("GET"))) {
            refuse(exchange, Reply.error(404, "not_found_error", null, "Not found"));
            return;
        }
        String keyProblem = keyProblem(exchange);
        if (keyProblem != null) {
            refuse(exchange, Reply.error(401, "authentication_error", null,
                    keyProblem.equals("missing") ? "x-api-key header is required" : "invalid x-api-key"));
            return;
        }
        String version = exchange.getRequestHeaders().getFirst("anthropic-version");
        if (version == null || !version.matches("\\d{4}-\\d{2}-\\d{2}")) {
            violation(List.of("anthropic-version header missing or malformed: " + version));
            refuse(exchange, Reply.error(400, "invalid_request_error", null, "anthropic-version: header is required"));
            return;
        }
        if (modelsPath) {
            listModels(exchange);
            return;
        }
        JsonNode body;
        try {
            body = JsonMapper.shared().readTree(exchange.getRequestBody().readAllBytes());
        } catch (JacksonException e) {
            violation(List.of("request body is not JSON: " + e.getOriginalMessage()));
            refuse(exchange, Reply.error(400, "invalid_request_error", null, "The request body is not valid JSON."));
            return;
        }
        RecordedRequest request = new RecordedRequest(method, path, exchange.getRequestHeaders(), body);
        record(request);
        List<String> problems = new ArrayList<>(schema.violations("CreateMessageRequest", body));
        if (problems.isEmpty()) {
            body.path("messages").forEach(message -> message.path("content").forEach(block -> {
                if ("image".equals(block.path("type").asString("")) && "base64".equals(block.path("source").path("type").asString(""))) {
                    problems.addAll(imageProblems("messages[].content[] image", block.path("source").path("media_type").asString(""),
                            block.path("source").path("data").asString("")));
                }
            }));
        }
        if (!problems.isEmpty()) {
            violation(problems);
            refuse(exchange, Reply.error(400, "invalid_request_error", null, String.join("; ", problems)));
            return;
        }
        if (!body.path("stream").asBoolean(false)) {
            refuse(exchange, Reply.error(400, "invalid_request_error", null, "This fake only streams."));
            return;
        }
        Object reply = nextReply();
        if (reply == null) {
            refuse(exchange, Reply.error(500, "api_error", null, "FakeAnthropic: no reply scripted for this request"));
            return;
        }
        serve(exchange, request, reply);
    }

    private void serve(HttpExchange exchange, RecordedRequest request, Object reply) throws IOException {
        switch (reply) {
            case Reply.Refusal refusal -> refuse(exchange, refusal);
            case Reply.Answer answer -> {
                Events events = open(exchange, request);
                for (String piece : answer.pieces()) {
                    pause(answer.delay());
                    events.piece(piece);
                }
                events.finish();
            }
            case Reply.Computed computed -> {
                Events events = open(exchange, request);
                for (String piece : words(computed.answer().apply(request))) {
                    events.piece(piece);
                }
                events.finish();
            }
            case Reply.Gated gated -> {
                Events events = open(exchange, request);
                for (int i = 0; i < gated.pieces().size(); i++) {
                    if (i > 0 && !awaitPermit(gated.steps())) {
                        return;
                    }
                    events.piece(gated.pieces().get(i));
                }
                events.finish();
            }
            case Reply.Drop drop -> {
                Events events = open(exchange, request);
                for (String piece : drop.pieces()) {
                    events.piece(piece);
                }
                awaitPermit(drop.release());
                throw new ScriptedDrop();
            }
            case Reply.Silence silence -> {
                open(exchange, request);
                pause(silence.duration());
            }
            case StreamReply.ErrorInStream error -> {
                Events events = open(exchange, request);
                for (String piece : error.pieces()) {
                    events.piece(piece);
                }
                events.error(error.type(), error.message());
            }
            case StreamReply.EndsEarly early -> {
                Events events = open(exchange, request);
                for (String piece : early.pieces()) {
                    events.piece(piece);
                }
            }
            default -> throw new IllegalStateException("FakeAnthropic cannot serve " + reply);
        }
    }

    private void listModels(HttpExchange exchange) throws IOException {
        recordModelList(new RecordedRequest("GET", exchange.getRequestURI().toString(), exchange.getRequestHeaders(),
                JSON.objectNode()));
        Map<String, String> query = query(exchange);
        int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        if (limit < 1 || limit > 1000) {
            refuse(exchange, Reply.error(400, "invalid_request_error", null, "limit: must be between 1 and 1000"));
            return;
        }
        List<String> ids = models();
        int start = 0;
        if (query.containsKey("after_id")) {
            start = ids.indexOf(query.get("after_id")) + 1;
        }
        List<String> page = ids.subList(Math.min(start, ids.size()), Math.min(start + limit, ids.size()));
        ObjectNode body = JSON.objectNode();
        var data = body.putArray("data");
        int day = 1;
        for (String id : page) {
            data.addObject()
                    .put("type", "model")
                    .put("id", id)
                    .put("display_name", "Claude " + id.replace("claude-", "").replace('-', ' '))
                    .put("created_at", "2025-09-%02dT00:00:00Z".formatted(day++));
        }
        body.put("has_more", start + page.size() < ids.size());
        if (page.isEmpty()) {
            body.putNull("first_id");
            body.putNull("last_id");
        } else {
            body.put("first_id", page.getFirst());
            body.put("last_id", page.getLast());
        }
        json(exchange, 200, "ModelListResponse", body, null);
    }

    private void refuse(HttpExchange exchange, Reply.Refusal refusal) throws IOException {
        json(exchange, refusal.status(), "ErrorResponse", errorBody(refusal.type(), refusal.message()), refusal.retryAfterSeconds());
    }

    private static ObjectNode errorBody(String type, String message) {
        ObjectNode body = JSON.objectNode();
        body.put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        body.put("request_id", "req_fake");
        return body;
    }

    private Events open(HttpExchange exchange, RecordedRequest request) throws IOException {
        Events events = new Events(openStream(exchange), request, "msg_fake_" + messages.incrementAndGet());
        events.start();
        return events;
    }

    /** A rough token count of everything the request sends: the system prompt and each message's text. */
    private static int inputTokens(JsonNode body) {
        int count = text(body.path("system"));
        for (JsonNode message : body.path("messages")) {
            count += text(message.path("content"));
        }
        return count;
    }

    private static int text(JsonNode content) {
        if (content.isString()) {
            return tokens(content.asString());
        }
        int count = 0;
        for (JsonNode block : content) {
            count += tokens(block.path("text").asString(""));
        }
        return count;
    }

    /** The events of one message, each checked against the schema before it is written and flushed. */
    private final class Events {

        private final OutputStream out;
        private final RecordedRequest request;
        private final String id;
        private final List<String> sent = new ArrayList<>();

        Events(OutputStream out, RecordedRequest request, String id) {
            this.out = out;
            this.request = request;
            this.id = id;
        }

        void start() throws IOException {
            ObjectNode message = JSON.objectNode();
            message.put("id", id);
            message.put("type", "message");
            message.put("role", "assistant");
            message.putArray("content");
            message.put("model", request.body().path("model").asString());
            message.putNull("stop_reason");
            message.putNull("stop_sequence");
            message.putObject("usage").put("input_tokens", inputTokens(request.body())).put("output_tokens", 1);
            send(JSON.objectNode().put("type", "message_start").set("message", message));
            ObjectNode block = JSON.objectNode().put("type", "content_block_start").put("index", 0);
            block.putObject("content_block").put("type", "text").put("text", "");
            send(block);
            send(JSON.objectNode().put("type", "ping"));
        }

        void piece(String text) throws IOException {
            ObjectNode delta = JSON.objectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", text);
            send(delta);
            sent.add(text);
        }

        void finish() throws IOException {
            send(JSON.objectNode().put("type", "content_block_stop").put("index", 0));
            ObjectNode delta = JSON.objectNode().put("type", "message_delta");
            delta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
            delta.putObject("usage").put("output_tokens", sent.size());
            send(delta);
            send(JSON.objectNode().put("type", "message_stop"));
        }

        void error(String type, String message) throws IOException {
            send(errorBody(type, message));
        }

        private void send(ObjectNode data) throws IOException {
            check("StreamEvent", data);
            write(out, "event: " + data.path("type").asString() + "\ndata: " + data + "\n\n");
        }
    }
}

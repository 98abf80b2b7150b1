package uz.suhbat.adapter.out.ai.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google's Gemini API for tests: {@code POST /v1beta/models/{model}:streamGenerateContent?alt=sse}
 * answered with server-sent events whose data are {@code GenerateContentResponse} chunks (the
 * candidate's text parts, {@code usageMetadata} on each, {@code finishReason} on the last), and
 * {@code GET /v1beta/models} in pages ({@code pageSize}, {@code pageToken}), which also lists an
 * embedding-only model as the real one does.
 *
 * <p>Like the API, it takes the key from {@code x-goog-api-key} or the {@code key} query parameter
 * (403 without), and, after {@link #requireKey}, refuses another key with the 400 Google sends for
 * an invalid key. Every request body, chunk and error body is checked against
 * {@code gemini/generative-language-subset.schema.json}; a non-conforming request is refused with
 * a 400 and kept in {@link #violations()}.
 *
 * <p>Scripted {@link Reply.Refusal}s are sent as Google error bodies: {@code type} is the status
 * ({@code RESOURCE_EXHAUSTED}), {@code code}, when set, the reason of an {@code ErrorInfo} detail.
 */
public final class FakeGemini extends ProviderFake {

    /** Listed beside the chat models, as Google lists its embedding models: not for generateContent. */
    public static final String EMBEDDING_MODEL = "text-embedding-004";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern STREAM_PATH = Pattern.compile("/v1beta/models/([^/:]+):streamGenerateContent");

    private FakeGemini() {
        super(ApiSchema.of(ApiSchema.GEMINI), List.of("gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.0-flash-lite"));
    }

    public static FakeGemini start() {
        return new FakeGemini();
    }

    /** The inline pictures of the last user content. */
    @Override
    public List<SentImage> images(RecordedRequest request) {
        List<SentImage> images = new ArrayList<>();
        JsonNode last = null;
        for (JsonNode content : request.body().path("contents")) {
            if ("user".equals(content.path("role").asString("user"))) {
                last = content;
            }
        }
        if (last != null) {
            last.path("parts").forEach(part -> {
                if (part.has("inlineData")) {
                    images.add(new SentImage(part.path("inlineData").path("mimeType").asString(""),
                            java.util.Base64.getDecoder().decode(part.path("inlineData").path("data").asString(""))));
                }
            });
        }
        return images;
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1beta";
    }

    /** What Google answers for a key that is not valid: a 400, told apart by its reason. */
    public static Reply.Refusal keyNotValid() {
        return Reply.error(400, "INVALID_ARGUMENT", "API_KEY_INVALID", "API key not valid. Please pass a valid API key.");
    }

    public static Reply.Refusal permissionDenied() {
        return Reply.error(403, "PERMISSION_DENIED", null, "Method doesn't allow unregistered callers.");
    }

    public static Reply.Refusal rateLimited(int retryAfterSeconds) {
        return new Reply.Refusal(429, "RESOURCE_EXHAUSTED", null, "Resource has been exhausted (e.g. check quota).", retryAfterSeconds);
    }

    public static Reply.Refusal unavailable() {
        return Reply.error(503, "UNAVAILABLE", null, "The model is overloaded. Please try again later.");
    }

    public static Reply.Refusal tooManyTokens() {
        return Reply.error(400, "INVALID_ARGUMENT", null,
                "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).");
    }

    public static Reply.Refusal unknownModel(String model) {
        return Reply.error(404, "NOT_FOUND", null, "models/" + model + " is not found for API version v1beta.");
    }

    /** The model a streamed request asked for, read from its path. */
    public static String modelOf(RecordedRequest request) {
        Matcher matcher = STREAM_PATH.matcher(request.path());
        return matcher.find() ? matcher.group(1) : null;
    }

    @Override
    protected String keyOf(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("x-goog-api-key");
        return header != null ? header : query(exchange).get("key");
    }

    @Override
    protected void respond(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Matcher stream = STREAM_PATH.matcher(path);
        boolean streamPath = stream.matches() && method.equals("POST");
        boolean modelsPath = path.equals("/v1beta/models") && method.equals("GET");
        if (!streamPath && !modelsPath) {
            refuse(exchange, Reply.error(404, "NOT_FOUND", null, "The requested URL was not found on this server."));
            return;
        }
        String keyProblem = keyProblem(exchange);
        if (keyProblem != null) {
            refuse(exchange, keyProblem.equals("missing") ? permissionDenied() : keyNotValid());
            return;
        }
        if (modelsPath) {
            listModels(exchange);
            return;
        }
        if (!"sse".equals(query(exchange).get("alt"))) {
            violation(List.of("streamGenerateContent without alt=sse: the fake speaks only server-sent events"));
            refuse(exchange, Reply.error(400, "INVALID_ARGUMENT", null, "This fake streams only with alt=sse."));
            return;
        }
        JsonNode body;
        try {
            body = JsonMapper.shared().readTree(exchange.getRequestBody().readAllBytes());
        } catch (JacksonException e) {
            violation(List.of("request body is not JSON: " + e.getOriginalMessage()));
            refuse(exchange, Reply.error(400, "INVALID_ARGUMENT", null, "Invalid JSON payload received."));
            return;
        }
        RecordedRequest request = new RecordedRequest(method, path, exchange.getRequestHeaders(), body);
        record(request);
        List<String> problems = new ArrayList<>(schema.violations("GenerateContentRequest", body));
        if (problems.isEmpty()) {
            body.path("contents").forEach(content -> content.path("parts").forEach(part -> {
                if (part.has("inlineData")) {
                    problems.addAll(imageProblems("contents[].parts[].inlineData", part.path("inlineData").path("mimeType").asString(""),
                            part.path("inlineData").path("data").asString("")));
                }
            }));
        }
        if (!problems.isEmpty()) {
            violation(problems);
            refuse(exchange, Reply.error(400, "INVALID_ARGUMENT", null, String.join("; ", problems)));
            return;
        }
        Object reply = nextReply();
        if (reply == null) {
            refuse(exchange, Reply.error(500, "INTERNAL", null, "FakeGemini: no reply scripted for this request"));
            return;
        }
        serve(exchange, request, stream.group(1), reply);
    }

    private void serve(HttpExchange exchange, RecordedRequest request, String model, Object reply) throws IOException {
        switch (reply) {
            case Reply.Refusal refusal -> refuse(exchange, refusal);
            case Reply.Answer answer -> {
                Chunks chunks = new Chunks(openStream(exchange), request, model);
                for (int i = 0; i < answer.pieces().size(); i++) {
                    pause(answer.delay());
                    chunks.piece(answer.pieces().get(i), i == answer.pieces().size() - 1);
                }
            }
            case Reply.Computed computed -> {
                Chunks chunks = new Chunks(openStream(exchange), request, model);
                List<String> pieces = words(computed.answer().apply(request));
                for (int i = 0; i < pieces.size(); i++) {
                    chunks.piece(pieces.get(i), i == pieces.size() - 1);
                }
            }
            case Reply.Gated gated -> {
                Chunks chunks = new Chunks(openStream(exchange), request, model);
                for (int i = 0; i < gated.pieces().size(); i++) {
                    if (i > 0 && !awaitPermit(gated.steps())) {
                        return;
                    }
                    chunks.piece(gated.pieces().get(i), i == gated.pieces().size() - 1);
                }
            }
            case Reply.Drop drop -> {
                Chunks chunks = new Chunks(openStream(exchange), request, model);
                for (String piece : drop.pieces()) {
                    chunks.piece(piece, false);
                }
                awaitPermit(drop.release());
                throw new ScriptedDrop();
            }
            case Reply.Silence silence -> {
                openStream(exchange);
                pause(silence.duration());
            }
            case StreamReply.ErrorInStream error -> {
                Chunks chunks = new Chunks(openStream(exchange), request, model);
                for (String piece : error.pieces()) {
                    chunks.piece(piece, false);
                }
                chunks.error(error.type(), error.message());
            }
            case StreamReply.EndsEarly early -> {
                Chunks chunks = new Chunks(openStream(exchange), request, model);
                for (String piece : early.pieces()) {
                    chunks.piece(piece, false);
                }
            }
            default -> throw new IllegalStateException("FakeGemini cannot serve " + reply);
        }
    }

    private void listModels(HttpExchange exchange) throws IOException {
        recordModelList(new RecordedRequest("GET", exchange.getRequestURI().toString(), exchange.getRequestHeaders(),
                JSON.objectNode()));
        Map<String, String> query = query(exchange);
        int pageSize = Integer.parseInt(query.getOrDefault("pageSize", "50"));
        if (pageSize < 1 || pageSize > 1000) {
            refuse(exchange, Reply.error(400, "INVALID_ARGUMENT", null, "page_size must be between 1 and 1000"));
            return;
        }
        List<String> ids = new ArrayList<>(models());
        ids.add(EMBEDDING_MODEL);
        int start = query.containsKey("pageToken") ? Integer.parseInt(query.get("pageToken")) : 0;
        int end = Math.min(start + pageSize, ids.size());
        ObjectNode body = JSON.objectNode();
        ArrayNode list = body.putArray("models");
        for (String id : ids.subList(Math.min(start, ids.size()), end)) {
            ObjectNode model = list.addObject()
                    .put("name", "models/" + id)
                    .put("version", "001")
                    .put("displayName", id)
                    .put("description", "A model of the fake")
                    .put("inputTokenLimit", 1048576)
                    .put("outputTokenLimit", id.equals(EMBEDDING_MODEL) ? 1 : 65536);
            ArrayNode methods = model.putArray("supportedGenerationMethods");
            if (id.equals(EMBEDDING_MODEL)) {
                methods.add("embedContent");
            } else {
                methods.add("generateContent").add("countTokens");
            }
        }
        if (end < ids.size()) {
            body.put("nextPageToken", Integer.toString(end));
        }
        json(exchange, 200, "ListModelsResponse", body, null);
    }

    private void refuse(HttpExchange exchange, Reply.Refusal refusal) throws IOException {
        json(exchange, refusal.status(), "ErrorResponse", errorBody(refusal.status(), refusal.type(), refusal.code(), refusal.message()),
                refusal.retryAfterSeconds());
    }

    private static ObjectNode errorBody(int code, String status, String reason, String message) {
        ObjectNode error = JSON.objectNode().put("code", code).put("message", message).put("status", status);
        if (reason != null) {
            error.putArray("details").addObject()
                    .put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
                    .put("reason", reason)
                    .put("domain", "googleapis.com");
        }
        return JSON.objectNode().set("error", error);
    }

    /** The HTTP code that goes with a Google status, for an error sent inside a stream. */
    private static int codeOf(String status) {
        return switch (status) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> 400;
            case "UNAUTHENTICATED" -> 401;
            case "PERMISSION_DENIED" -> 403;
            case "NOT_FOUND" -> 404;
            case "RESOURCE_EXHAUSTED" -> 429;
            case "UNAVAILABLE" -> 503;
            case "DEADLINE_EXCEEDED" -> 504;
            default -> 500;
        };
    }

    private static int promptTokens(JsonNode body) {
        int count = 0;
        for (JsonNode part : body.path("systemInstruction").path("parts")) {
            count += tokens(part.path("text").asString(""));
        }
        for (JsonNode content : body.path("contents")) {
            for (JsonNode part : content.path("parts")) {
                count += tokens(part.path("text").asString(""));
            }
        }
        return count;
    }

    /** The chunks of one answer, each checked against the schema before it is written and flushed. */
    private final class Chunks {

        private final OutputStream out;
        private final String model;
        private final int promptTokens;
        private int sent;

        Chunks(OutputStream out, RecordedRequest request, String model) {
            this.out = out;
            this.model = model;
            this.promptTokens = promptTokens(request.body());
        }

        void piece(String text, boolean last) throws IOException {
            sent++;
            ObjectNode chunk = JSON.objectNode();
            ObjectNode candidate = chunk.putArray("candidates").addObject();
            ObjectNode content = candidate.putObject("content");
            content.putArray("parts").addObject().put("text", text);
            content.put("role", "model");
            if (last) {
                candidate.put("finishReason", "STOP");
            }
            candidate.put("index", 0);
            chunk.putObject("usageMetadata")
                    .put("promptTokenCount", promptTokens)
                    .put("candidatesTokenCount", sent)
                    .put("totalTokenCount", promptTokens + sent);
            chunk.put("modelVersion", model);
            chunk.put("responseId", "fake-" + Integer.toHexString(System.identityHashCode(this)));
            send("GenerateContentResponse", chunk);
        }

        void error(String status, String message) throws IOException {
            send("ErrorResponse", errorBody(codeOf(status), status, null, message));
        }

        private void send(String shape, ObjectNode data) throws IOException {
            check(shape, data);
            write(out, "data: " + data + "\r\n\r\n");
        }
    }
}

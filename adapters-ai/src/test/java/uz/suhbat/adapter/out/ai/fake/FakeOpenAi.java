package uz.suhbat.adapter.out.ai.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible server for tests: {@code POST /v1/chat/completions} with {@code "stream": true},
 * answered with real {@code chat.completion.chunk} server-sent events, each flushed as written, and
 * {@code POST /v1/embeddings} ({@link FakeEmbeddingsEndpoint}).
 *
 * <p>Each request takes the next scripted {@link Reply}; when none is queued, the fallback set with
 * {@link #answerAllWith} answers, and without one the request is refused with a 500 that says so.
 * Every request is recorded and checked against OpenAI's {@code CreateChatCompletionRequest} schema;
 * a request that does not conform is refused with a 400, and the violation is kept for
 * {@link #violations()}, as is any chunk of our own that does not conform to
 * {@code CreateChatCompletionStreamResponse}.
 */
public final class FakeOpenAi implements AutoCloseable {

    private static final String PATH = "/v1/chat/completions";
    private static final String EMBEDDINGS_PATH = "/v1/embeddings";
    private static final String MODELS_PATH = "/v1/models";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final OpenAiSpec spec = OpenAiSpec.get();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger completions = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Function<RecordedRequest, String> fallback;
    private final FakeEmbeddingsEndpoint embeddings = new FakeEmbeddingsEndpoint(spec, violations);
    private final java.util.Map<String, Function<RecordedRequest, Reply>> routes = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<RecordedRequest> routed = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> modelLists = new CopyOnWriteArrayList<>();
    private volatile List<String> listedModels = List.of();
    private volatile String requiredKey;

    static {
        // like a real API server, send each chunk at once: without TCP_NODELAY a chunk written right
        // after another waits for the client's delayed ACK (about 40 ms on Linux), which made the
        // fake's own time to first token jump between 4 and 45 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private FakeOpenAi() throws IOException {
        // a deep accept queue: benchmarks open hundreds of streams at once
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** A fake listening on 127.0.0.1 on a free port. */
    public static FakeOpenAi start() {
        try {
            FakeOpenAi fake = new FakeOpenAi();
            fake.server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What to configure as the OpenAI base URL, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues replies for the next requests, in order. */
    public FakeOpenAi enqueue(Reply... replies) {
        script.addAll(Arrays.asList(replies));
        return this;
    }

    /** Answers every request that finds no scripted reply, for tests that do not count their requests. */
    public FakeOpenAi answerAllWith(Function<RecordedRequest, String> answer) {
        fallback = answer;
        return this;
    }

    /**
     * Answers every request for {@code model} with {@code reply}, apart from the script: such requests take no scripted
     * reply and are recorded in {@link #routed()}, not in {@link #requests()} (they are checked against the spec all the
     * same). For a side request of the app's own, such as the title a model writes after a chat's first answer, which
     * would otherwise take the reply a test scripted for its next message.
     */
    public FakeOpenAi route(String model, Function<RecordedRequest, Reply> reply) {
        routes.put(model, reply);
        return this;
    }

    /**
     * Answers {@code GET /v1/models} with these model ids (an OpenAI {@code ListModelsResponse}, checked against the spec),
     * as an Ollama or vLLM server lists what it serves.
     */
    public FakeOpenAi listModels(String... ids) {
        listedModels = List.of(ids);
        return this;
    }

    /** The {@code GET /v1/models} requests received. */
    public List<RecordedRequest> modelListRequests() {
        return List.copyOf(modelLists);
    }

    /**
     * Refuses every request whose {@code Authorization} is not {@code Bearer <key>} with OpenAI's 401
     * {@code invalid_api_key}, as a server with its own key does. Null: any key is taken.
     */
    public FakeOpenAi requireKey(String key) {
        requiredKey = key;
        return this;
    }

    /** The requests answered by a {@link #route}. */
    public List<RecordedRequest> routed() {
        return List.copyOf(routed);
    }

    /**
     * Forgets scripted replies no request took and the answer-all function, so that one test's leftovers do not reach
     * the next. Routes stay: they stand for the app's own side requests, set up once with the fake.
     */
    public void reset() {
        script.clear();
        fallback = null;
    }

    /** The {@code POST /v1/embeddings} requests received, apart from the chat requests of {@link #requests()}. */
    public List<RecordedRequest> embeddingRequests() {
        return embeddings.requests();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests (and chunks of ours) that broke OpenAI's schemas; a test that talks to the fake expects none. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** Streams that the client abandoned (closed its connection) while the fake was still writing. */
    public int abandonedStreams() {
        return abandoned.get();
    }

    /** Not closed when {@link #respond} throws: a dropped stream must end without its closing chunk. */
    private void handle(HttpExchange exchange) throws IOException {
        try {
            respond(exchange);
        } catch (IOException e) {
            abandoned.incrementAndGet();
            throw e;
        }
        exchange.close();
    }

    private void respond(HttpExchange exchange) throws IOException {
        String key = requiredKey;
        if (key != null && !("Bearer " + key).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getRequestBody().readAllBytes();
            refuse(exchange, new Reply.Refusal(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.", null));
            return;
        }
        if (exchange.getRequestMethod().equals("GET") && exchange.getRequestURI().getPath().equals(MODELS_PATH)) {
            listModels(exchange);
            return;
        }
        if (exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath().equals(EMBEDDINGS_PATH)) {
            embeddings.respond(exchange);
            return;
        }
        if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals(PATH)) {
            refuse(exchange, new Reply.Refusal(404, "invalid_request_error", "unknown_url",
                    "Unknown request URL: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), null));
            return;
        }
        JsonNode body;
        try {
            body = JsonMapper.shared().readTree(exchange.getRequestBody().readAllBytes());
        } catch (JacksonException e) {
            violations.add("request body is not JSON: " + e.getOriginalMessage());
            refuse(exchange, Reply.error(400, "invalid_request_error", null, "We could not parse the JSON body."));
            return;
        }
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders(), body);
        Function<RecordedRequest, Reply> route = body.hasNonNull("model") ? routes.get(body.get("model").asString()) : null;
        (route != null ? routed : requests).add(request);
        List<String> problems = spec.violations(OpenAiSpec.REQUEST, body);
        if (!problems.isEmpty()) {
            violations.addAll(problems);
            refuse(exchange, Reply.error(400, "invalid_request_error", null, String.join("; ", problems)));
            return;
        }
        if (!request.streamed()) {
            refuse(exchange, Reply.error(400, "invalid_request_error", null, "This fake only streams."));
            return;
        }
        serve(exchange, request, route != null ? route.apply(request) : nextReply());
    }

    private void listModels(HttpExchange exchange) throws IOException {
        modelLists.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders(), JSON.objectNode()));
        var data = JSON.arrayNode();
        for (String id : listedModels) {
            data.add(JSON.objectNode().put("id", id).put("object", "model").put("created", 1_700_000_000L).put("owned_by", "library"));
        }
        ObjectNode list = JSON.objectNode().put("object", "list");
        list.set("data", data);
        violations.addAll(spec.violations(OpenAiSpec.MODELS, list));
        byte[] body = list.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Reply nextReply() {
        Reply scripted = script.poll();
        if (scripted != null) {
            return scripted;
        }
        Function<RecordedRequest, String> answer = fallback;
        return answer != null
                ? Reply.computed(answer)
                : Reply.error(500, "server_error", null, "FakeOpenAi: no reply scripted for this request");
    }

    private void serve(HttpExchange exchange, RecordedRequest request, Reply reply) throws IOException {
        switch (reply) {
            case Reply.Refusal refusal -> refuse(exchange, refusal);
            case Reply.Answer answer -> answer(exchange, request, answer.pieces(), answer.delay());
            case Reply.Computed computed -> answer(exchange, request, words(computed.answer().apply(request)), Duration.ZERO);
            case Reply.Drop drop -> drop(exchange, request, drop);
            case Reply.Gated gated -> gated(exchange, request, gated);
            case Reply.Silence silence -> silence(exchange, request, silence.duration());
        }
    }

    private void answer(HttpExchange exchange, RecordedRequest request, List<String> pieces, Duration delay) throws IOException {
        ChunkStream stream = open(exchange, request);
        for (String piece : pieces) {
            pause(delay);
            stream.send(stream.chunk(JSON.objectNode().put("content", piece), null));
        }
        stream.send(stream.chunk(JSON.objectNode(), "stop"));
        if (request.includesUsage()) {
            stream.send(stream.usage(promptTokens(request), pieces.size()));
        }
        stream.done();
    }

    private void drop(HttpExchange exchange, RecordedRequest request, Reply.Drop drop) throws IOException {
        ChunkStream stream = open(exchange, request);
        for (String piece : drop.pieces()) {
            stream.send(stream.chunk(JSON.objectNode().put("content", piece), null));
        }
        awaitPermit(drop.release());
        // the HTTP server closes the connection of a failed handler without ending the chunked body
        throw new ScriptedDrop();
    }

    private void gated(HttpExchange exchange, RecordedRequest request, Reply.Gated gated) throws IOException {
        ChunkStream stream = open(exchange, request);
        List<String> pieces = gated.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0 && !awaitPermit(gated.steps())) {
                return; // the fake closed: the test is over
            }
            stream.send(stream.chunk(JSON.objectNode().put("content", pieces.get(i)), null));
        }
        stream.send(stream.chunk(JSON.objectNode(), "stop"));
        if (request.includesUsage()) {
            stream.send(stream.usage(promptTokens(request), pieces.size()));
        }
        stream.done();
    }

    /** Takes one permit, unless the fake is closed first. */
    private boolean awaitPermit(Semaphore steps) {
        try {
            while (!steps.tryAcquire(20, TimeUnit.MILLISECONDS)) {
                if (closed.getCount() == 0) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void silence(HttpExchange exchange, RecordedRequest request, Duration duration) throws IOException {
        open(exchange, request);
        pause(duration);
    }

    private ChunkStream open(HttpExchange exchange, RecordedRequest request) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        ChunkStream stream = new ChunkStream(exchange.getResponseBody(), request,
                "chatcmpl-fake-" + completions.incrementAndGet());
        stream.send(stream.chunk(JSON.objectNode().put("role", "assistant").put("content", ""), null));
        return stream;
    }

    static void refuse(HttpExchange exchange, Reply.Refusal refusal) throws IOException {
        ObjectNode error = JSON.objectNode();
        error.put("message", refusal.message());
        error.put("type", refusal.type());
        error.putNull("param");
        error.put("code", refusal.code());
        byte[] body = JSON.objectNode().set("error", error).toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (refusal.retryAfterSeconds() != null) {
            exchange.getResponseHeaders().set("Retry-After", refusal.retryAfterSeconds().toString());
        }
        exchange.sendResponseHeaders(refusal.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Waits, or stops waiting when the fake is closed, so that no handler outlives its test. */
    private void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            closed.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> words(String text) {
        return List.of(text.split("(?<=\\s)"));
    }

    /** A rough token count: the words of every message. */
    private static int promptTokens(RecordedRequest request) {
        return request.messages().stream()
                .mapToInt(message -> message.content() == null || message.content().isBlank()
                        ? 0
                        : message.content().strip().split("\\s+").length)
                .sum();
    }

    private static final class ScriptedDrop extends RuntimeException {
        ScriptedDrop() {
            super("FakeOpenAi drops the connection as scripted", null, false, false);
        }
    }

    /** The chunks of one completion, each validated against the spec before it is written and flushed. */
    private final class ChunkStream {

        private final OutputStream out;
        private final RecordedRequest request;
        private final String id;
        private final long created = Instant.now().getEpochSecond();

        ChunkStream(OutputStream out, RecordedRequest request, String id) {
            this.out = out;
            this.request = request;
            this.id = id;
        }

        ObjectNode chunk(ObjectNode delta, String finishReason) {
            ObjectNode choice = JSON.objectNode();
            choice.put("index", 0);
            choice.set("delta", delta);
            choice.putNull("logprobs");
            choice.put("finish_reason", finishReason);
            ObjectNode chunk = envelope();
            chunk.set("choices", JSON.arrayNode().add(choice));
            if (request.includesUsage()) {
                // OpenAI sends "usage": null on every chunk but the last when usage is asked for
                chunk.putNull("usage");
            }
            return chunk;
        }

        ObjectNode usage(int promptTokens, int completionTokens) {
            ObjectNode usage = JSON.objectNode();
            usage.put("prompt_tokens", promptTokens);
            usage.put("completion_tokens", completionTokens);
            usage.put("total_tokens", promptTokens + completionTokens);
            ObjectNode chunk = envelope();
            chunk.set("choices", JSON.arrayNode());
            chunk.set("usage", usage);
            return chunk;
        }

        private ObjectNode envelope() {
            ObjectNode chunk = JSON.objectNode();
            chunk.put("id", id);
            chunk.put("object", "chat.completion.chunk");
            chunk.put("created", created);
            chunk.put("model", request.model());
            chunk.put("system_fingerprint", "fp_fake");
            return chunk;
        }

        void send(ObjectNode chunk) throws IOException {
            violations.addAll(spec.violations(OpenAiSpec.CHUNK, chunk));
            write("data: " + chunk + "\n\n");
        }

        void done() throws IOException {
            write("data: [DONE]\n\n");
        }

        private void write(String event) throws IOException {
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}

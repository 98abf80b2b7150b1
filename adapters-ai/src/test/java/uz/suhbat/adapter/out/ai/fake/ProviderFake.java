package uz.suhbat.adapter.out.ai.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * What {@link FakeAnthropic} and {@link FakeGemini} share: an HTTP server on 127.0.0.1, the script
 * of replies ({@link Reply} or {@link StreamReply}) that the next streamed requests take, the
 * requests received, and the violations of the provider's schema found in what came in and what
 * went out.
 */
public abstract sealed class ProviderFake implements AutoCloseable permits FakeAnthropic, FakeGemini {

    static {
        // send each event at once, as FakeOpenAi does (no delayed-ACK wait between two writes)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Object> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> modelListRequests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    protected final ApiSchema schema;
    private volatile Function<RecordedRequest, String> fallback;
    private volatile String requiredKey;
    private volatile List<String> models;

    ProviderFake(ApiSchema schema, List<String> models) {
        this.schema = schema;
        this.models = List.copyOf(models);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The API root to configure, e.g. {@code http://127.0.0.1:41234/v1}. */
    public abstract String baseUrl();

    /** A picture a request carried: its declared media type and its bytes. */
    public record SentImage(String mediaType, byte[] content) {
    }

    /** The pictures of the request's last user turn, in order, as the provider would read them. */
    public abstract List<SentImage> images(RecordedRequest request);

    /**
     * What the providers refuse of an image part: data that is not base64, or bytes that are not the declared media type
     * (Anthropic: "Image does not match the provided media type"; Gemini: "Unable to process input image").
     */
    protected static List<String> imageProblems(String where, String mediaType, String data) {
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(data == null ? "" : data);
        } catch (IllegalArgumentException e) {
            return List.of(where + ": the image data is not base64");
        }
        String actual = bytes.length >= 8 && bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G' ? "image/png"
                : bytes.length >= 3 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xD8 && bytes[2] == (byte) 0xFF ? "image/jpeg"
                : bytes.length >= 12 && new String(bytes, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
                        && new String(bytes, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP") ? "image/webp"
                : bytes.length >= 6 && new String(bytes, 0, 4, StandardCharsets.ISO_8859_1).equals("GIF8") ? "image/gif" : "unknown";
        return actual.equals(mediaType) ? List.of() : List.of(where + ": the image is " + actual + ", declared " + mediaType);
    }

    protected final int port() {
        return server.getAddress().getPort();
    }

    /** Queues replies for the next streamed requests, in order. */
    public ProviderFake enqueue(Reply... replies) {
        script.addAll(Arrays.asList(replies));
        return this;
    }

    /** Queues a way of ending a stream that only these providers have. */
    public ProviderFake enqueue(StreamReply reply) {
        script.add(reply);
        return this;
    }

    /** Answers every streamed request that finds no scripted reply. */
    public ProviderFake answerAllWith(Function<RecordedRequest, String> answer) {
        fallback = answer;
        return this;
    }

    /** From now on, refuses every request whose key is not {@code key}, as the provider refuses a wrong key. */
    public ProviderFake requireKey(String key) {
        requiredKey = key;
        return this;
    }

    /** The model ids the model list offers (chat models). */
    public ProviderFake models(String... ids) {
        models = List.of(ids);
        return this;
    }

    public List<String> models() {
        return models;
    }

    /** Forgets scripted replies no request took, and the answer-all function. */
    public void reset() {
        script.clear();
        fallback = null;
    }

    /** The streamed chat requests received. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The model-list requests received, one per page. */
    public List<RecordedRequest> modelListRequests() {
        return List.copyOf(modelListRequests);
    }

    /** What broke the provider's schema, in requests and in the fake's own answers; a test that talks to the fake expects none. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Streams the client abandoned while the fake was still writing. */
    public int abandonedStreams() {
        return abandoned.get();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** Handles one exchange; returns normally when it is answered, throws to drop the connection. */
    protected abstract void respond(HttpExchange exchange) throws IOException;

    /** The key the request carries, as this provider expects it, or null. */
    protected abstract String keyOf(HttpExchange exchange);

    private void handle(HttpExchange exchange) throws IOException {
        try {
            respond(exchange);
        } catch (IOException e) {
            abandoned.incrementAndGet();
            throw e;
        }
        exchange.close();
    }

    /** Null when the key is acceptable; otherwise why not: "missing" or "wrong". */
    protected final String keyProblem(HttpExchange exchange) {
        String key = keyOf(exchange);
        if (key == null || key.isBlank()) {
            return "missing";
        }
        String required = requiredKey;
        return required != null && !required.equals(key) ? "wrong" : null;
    }

    protected final void record(RecordedRequest request) {
        requests.add(request);
    }

    protected final void recordModelList(RecordedRequest request) {
        modelListRequests.add(request);
    }

    protected final void violation(List<String> problems) {
        violations.addAll(problems);
    }

    protected final void check(String shape, JsonNode instance) {
        violations.addAll(schema.violations(shape, instance));
    }

    protected final Object nextReply() {
        Object scripted = script.poll();
        if (scripted != null) {
            return scripted;
        }
        Function<RecordedRequest, String> answer = fallback;
        return answer != null ? Reply.computed(answer) : null;
    }

    /** Writes a JSON body, after checking it against {@code shape}. */
    protected final void json(HttpExchange exchange, int status, String shape, JsonNode body, Integer retryAfterSeconds)
            throws IOException {
        check(shape, body);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfterSeconds != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfterSeconds.toString());
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    protected final OutputStream openStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    protected static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Waits, or stops waiting when the fake is closed, so that no handler outlives its test. */
    protected final void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            closed.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes one permit, unless the fake is closed first. */
    protected final boolean awaitPermit(Semaphore steps) {
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

    protected static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    protected static List<String> words(String text) {
        return List.of(text.split("(?<=\\s)"));
    }

    /** A rough token count: whitespace-separated words. */
    protected static int tokens(String text) {
        return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    /** Thrown by a handler to drop the connection without ending the chunked body. */
    protected static final class ScriptedDrop extends RuntimeException {
        ScriptedDrop() {
            super("the fake drops the connection as scripted", null, false, false);
        }
    }
}

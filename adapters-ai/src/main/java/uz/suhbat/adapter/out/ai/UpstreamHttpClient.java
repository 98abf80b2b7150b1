package uz.suhbat.adapter.out.ai;

import static dev.langchain4j.http.client.sse.ServerSentEventListenerUtils.ignoringExceptions;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * langchain4j's HTTP client contract on the JDK client. langchain4j's own JDK client would do,
 * except that it drops the headers of a refused request (we need {@code Retry-After}) and lets a
 * stream hang once its headers have arrived (we need a timeout on silence).
 */
final class UpstreamHttpClient implements HttpClient {

    private static final ServerSentEventParser COMPACT = new CompactEventParser();

    private final java.net.http.HttpClient http;
    private final Executor readers;
    private final Duration timeout;
    private final ScheduledExecutorService alarms;
    /** false for a connection without a key: langchain4j's placeholder {@code Authorization} header is not sent */
    private final boolean authorization;

    private UpstreamHttpClient(java.net.http.HttpClient http, Executor readers, Duration timeout, ScheduledExecutorService alarms,
                               boolean authorization) {
        this.http = http;
        this.readers = readers;
        this.timeout = timeout;
        this.alarms = alarms;
        this.authorization = authorization;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(toJdk(request), BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + request.url(), e);
        }
        if (!isSuccessful(response)) {
            throw refused(response, new String(response.body(), StandardCharsets.UTF_8));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    /**
     * Sends and reads the stream on a thread of {@code readers} (virtual threads), blocking there.
     * Not {@code sendAsync(...).thenAccept(...)}: the JDK completes that future on the common
     * fork-join pool, so each open answer would hold one of its platform threads while it streams,
     * and the hop to that pool delays every first piece.
     */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        java.net.http.HttpRequest jdk = toJdk(request);
        readers.execute(() -> {
            HttpResponse<InputStream> response;
            try {
                response = http.send(jdk, BodyHandlers.ofInputStream());
            } catch (IOException | RuntimeException e) {
                ignoringExceptions(() -> listener.onError(e));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ignoringExceptions(() -> listener.onError(e));
                return;
            }
            stream(response, parser, listener);
        });
    }

    private void stream(HttpResponse<InputStream> response, ServerSentEventParser parser, ServerSentEventListener listener) {
        try (InputStream body = new IdleTimeoutInputStream(response.body(), alarms, timeout)) {
            if (!isSuccessful(response)) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                ignoringExceptions(() -> listener.onError(refused(response, text)));
                return;
            }
            ignoringExceptions(() -> listener.onOpen(SuccessfulHttpResponse.builder()
                    .statusCode(response.statusCode())
                    .headers(response.headers().map())
                    .build()));
            // the parser reports read errors to the listener itself; langchain4j's default one is read with smaller buffers
            (parser.getClass() == DefaultServerSentEventParser.class ? COMPACT : parser).parse(body, listener);
            ignoringExceptions(listener::onClose);
        } catch (IOException | RuntimeException e) {
            ignoringExceptions(() -> listener.onError(e));
        }
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        if (!request.formDataFiles().isEmpty() || !request.formDataFields().isEmpty()) {
            // only the audio and file endpoints post multipart forms; chat completions never do
            throw new IllegalArgumentException("multipart requests are not supported: " + request.url());
        }
        URI uri = URI.create(request.url());
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(uri)
                .timeout(timeout);
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // plain HTTP: HTTP/1.1 straight away. The client's default, HTTP/2, asks every request on a plain connection to
            // upgrade (h2c: an Upgrade header and the settings) and goes on in HTTP/1.1 when the server does not answer it, as
            // OpenAI-compatible servers on a local network (Ollama, vLLM) do not; over TLS HTTP/2 is negotiated in the handshake
            builder.version(java.net.http.HttpClient.Version.HTTP_1_1);
        }
        request.headers().forEach((name, values) -> {
            if (authorization || !"Authorization".equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        java.net.http.HttpRequest.BodyPublisher body = request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body());
        return builder.method(request.method().name(), body).build();
    }

    private static boolean isSuccessful(HttpResponse<?> response) {
        return response.statusCode() >= 200 && response.statusCode() < 300;
    }

    private static UpstreamHttpException refused(HttpResponse<?> response, String body) {
        return new UpstreamHttpException(response.statusCode(), body,
                response.headers().firstValue("Retry-After").flatMap(UpstreamHttpClient::seconds).orElse(null));
    }

    /** {@code Retry-After} in seconds; the HTTP-date form is left to our own backoff. */
    private static Optional<Duration> seconds(String value) {
        try {
            double seconds = Double.parseDouble(value.strip());
            return seconds >= 0 ? Optional.of(Duration.ofMillis(Math.round(seconds * 1000))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static final class Builder implements HttpClientBuilder {

        private final Executor executor;
        private final ScheduledExecutorService alarms;
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration readTimeout = Duration.ofSeconds(60);
        private boolean authorization = true;

        /** The executor runs the response handling, which blocks while a stream is read: give it virtual threads. */
        Builder(Executor executor, ScheduledExecutorService alarms) {
            this.executor = executor;
            this.alarms = alarms;
        }

        /** For a connection without a key (a local Ollama): requests go without an {@code Authorization} header. */
        Builder withoutAuthorization() {
            authorization = false;
            return this;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            if (timeout != null) {
                connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            if (timeout != null) {
                readTimeout = timeout;
            }
            return this;
        }

        @Override
        public UpstreamHttpClient build() {
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .executor(executor)
                    .build();
            return new UpstreamHttpClient(http, executor, readTimeout, alarms, authorization);
        }
    }
}

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLSocketFactory;

/**
 * langchain4j's HTTP client contract on our own HTTP/1.1 connections ({@link Http1Connections}).
 * langchain4j's JDK client would do, except that it drops the headers of a refused request (we
 * need {@code Retry-After}) and lets a stream hang once its headers have arrived (we need a
 * timeout on silence); the JDK client under it reads every stream on its selector thread and
 * hands each piece on to the stream's reader, which cost CPU and time at every piece of every
 * answer.
 */
final class UpstreamHttpClient implements HttpClient {

    private static final ServerSentEventParser COMPACT = new CompactEventParser();
    /** The most of a refused request's body that is read for its error message. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final Http1Connections http;
    private final Executor readers;
    /** false for a connection without a key: langchain4j's placeholder {@code Authorization} header is not sent */
    private final boolean authorization;

    private UpstreamHttpClient(Http1Connections http, Executor readers, boolean authorization) {
        this.http = http;
        this.readers = readers;
        this.authorization = authorization;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            Http1Connections.Response response = send(request);
            byte[] body;
            try (InputStream in = response.body()) {
                body = isSuccessful(response) ? in.readAllBytes() : in.readNBytes(MAX_ERROR_BODY);
            }
            if (!isSuccessful(response)) {
                throw refused(response, new String(body, StandardCharsets.UTF_8));
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(response.status())
                    .headers(response.headers())
                    .body(body)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends and reads the stream on a thread of {@code readers} (virtual threads), blocking there:
     * each read of the socket wakes that thread itself.
     */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        readers.execute(() -> {
            Http1Connections.Response response;
            try {
                response = send(request);
            } catch (IOException | RuntimeException e) {
                ignoringExceptions(() -> listener.onError(e));
                return;
            }
            stream(response, parser, listener);
        });
    }

    private void stream(Http1Connections.Response response, ServerSentEventParser parser, ServerSentEventListener listener) {
        try (InputStream body = response.body()) {
            if (!isSuccessful(response)) {
                String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
                ignoringExceptions(() -> listener.onError(refused(response, text)));
                return;
            }
            ignoringExceptions(() -> listener.onOpen(SuccessfulHttpResponse.builder()
                    .statusCode(response.status())
                    .headers(response.headers())
                    .build()));
            // the parser reports read errors to the listener itself; langchain4j's default one is read with smaller buffers
            (parser.getClass() == DefaultServerSentEventParser.class ? COMPACT : parser).parse(body, listener);
            ignoringExceptions(listener::onClose);
        } catch (IOException | RuntimeException e) {
            ignoringExceptions(() -> listener.onError(e));
        }
    }

    private Http1Connections.Response send(HttpRequest request) throws IOException {
        if (!request.formDataFiles().isEmpty() || !request.formDataFields().isEmpty()) {
            // only the audio and file endpoints post multipart forms; chat completions never do
            throw new IllegalArgumentException("multipart requests are not supported: " + request.url());
        }
        List<Http1Connections.Header> headers = new ArrayList<>(request.headers().size() + 1);
        request.headers().forEach((name, values) -> {
            if (authorization || !"Authorization".equalsIgnoreCase(name)) {
                values.forEach(value -> headers.add(new Http1Connections.Header(name, value)));
            }
        });
        byte[] body = request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8);
        return http.send(request.method().name(), URI.create(request.url()), headers, body);
    }

    private static boolean isSuccessful(Http1Connections.Response response) {
        return response.status() >= 200 && response.status() < 300;
    }

    private static UpstreamHttpException refused(Http1Connections.Response response, String body) {
        return new UpstreamHttpException(response.status(), body,
                Optional.ofNullable(response.header("Retry-After")).flatMap(UpstreamHttpClient::seconds).orElse(null));
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
        private final SSLSocketFactory tls;
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration readTimeout = Duration.ofSeconds(60);
        private boolean authorization = true;

        /** The executor runs the response handling, which blocks while a stream is read: give it virtual threads. */
        Builder(Executor executor) {
            this(executor, (SSLSocketFactory) SSLSocketFactory.getDefault());
        }

        /** {@code tls} makes the TLS connections (tests trust their own certificate with it). */
        Builder(Executor executor, SSLSocketFactory tls) {
            this.executor = executor;
            this.tls = tls;
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
            return new UpstreamHttpClient(new Http1Connections(connectTimeout, readTimeout, tls), executor, authorization);
        }
    }
}

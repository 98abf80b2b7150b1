package uz.suhbat.adapter.out.ai.provider;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Holds langchain4j's provider modules to "exactly one end per stream". Between the HTTP client
 * and a module's stream listener it
 * <ul>
 * <li>turns a stream that closes before the provider's final event into an error: Anthropic's
 *     listener ignores the close, so a stream cut between two events would leave the answer open
 *     for ever;</li>
 * <li>turns an error sent inside the stream (an event {@code errorIn} recognises) into an error of
 *     the stream, where the module would read it as one more piece;</li>
 * <li>drops the close that the HTTP client reports after a read error: Gemini's listener would
 *     complete an answer that had just failed.</li>
 * </ul>
 */
final class StreamEnds implements HttpClientBuilder {

    private final HttpClientBuilder delegate;
    private final Predicate<ServerSentEvent> finalEvent;
    private final Function<ServerSentEvent, RuntimeException> errorIn;

    /**
     * @param finalEvent the event after which the stream may close; {@code event -> true} when
     *                   the module itself notices a stream that ends too soon
     * @param errorIn    the error an event reports, or null for an ordinary event
     */
    StreamEnds(HttpClientBuilder delegate, Predicate<ServerSentEvent> finalEvent,
            Function<ServerSentEvent, RuntimeException> errorIn) {
        this.delegate = delegate;
        this.finalEvent = finalEvent;
        this.errorIn = errorIn;
    }

    @Override
    public Duration connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public StreamEnds connectTimeout(Duration timeout) {
        delegate.connectTimeout(timeout);
        return this;
    }

    @Override
    public Duration readTimeout() {
        return delegate.readTimeout();
    }

    @Override
    public StreamEnds readTimeout(Duration timeout) {
        delegate.readTimeout(timeout);
        return this;
    }

    @Override
    public HttpClient build() {
        HttpClient client = delegate.build();
        return new HttpClient() {
            @Override
            public SuccessfulHttpResponse execute(HttpRequest request) {
                return client.execute(request);
            }

            @Override
            public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
                client.execute(request, parser, new Guard(listener));
            }
        };
    }

    private final class Guard implements ServerSentEventListener {

        private final ServerSentEventListener listener;
        private volatile boolean finished;
        private volatile boolean failed;

        Guard(ServerSentEventListener listener) {
            this.listener = listener;
        }

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            listener.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (failed) {
                return;
            }
            RuntimeException error = errorIn.apply(event);
            if (error != null) {
                failed = true;
                context.parsingHandle().cancel();
                listener.onError(error);
                return;
            }
            if (finalEvent.test(event)) {
                finished = true;
            }
            listener.onEvent(event, context);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            // the HTTP client always passes a context; nothing calls this
            listener.onEvent(event);
        }

        @Override
        public void onError(Throwable error) {
            if (!failed) {
                failed = true;
                listener.onError(error);
            }
        }

        @Override
        public void onClose() {
            if (failed) {
                return;
            }
            if (!finished) {
                failed = true;
                listener.onError(new IOException("the stream ended before the provider's final event"));
                return;
            }
            listener.onClose();
        }
    }
}

package uz.suhbat.adapter.out.ai;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A refused request, keeping the server's {@code Retry-After} wait, which langchain4j's own
 * {@link HttpException} drops. langchain4j wraps it but keeps it as the root cause.
 */
final class UpstreamHttpException extends HttpException {

    private final transient Duration retryAfter;

    UpstreamHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

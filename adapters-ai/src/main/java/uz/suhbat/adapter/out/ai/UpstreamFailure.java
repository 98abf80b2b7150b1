package uz.suhbat.adapter.out.ai;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uz.suhbat.application.port.out.ai.ChatModelPort.Failure;
import uz.suhbat.application.port.out.ai.ChatModelPort.FailureKind;

/**
 * What went wrong with one attempt, read from whatever langchain4j handed to {@code onError}: it
 * wraps the HTTP client's exception in its own types, so the cause chain is searched.
 *
 * @param status     the HTTP status, or 0 when no response arrived
 * @param retryable  whether another attempt may succeed (connection errors, 429, 5xx)
 * @param retryAfter the server's requested wait, if it sent one
 *
 * <p>Public for the providers of {@code ai.provider}, which read their own error shapes first and
 * hand the rest to {@link #of}.
 */
public record UpstreamFailure(FailureKind kind, int status, String detail, boolean retryable, Optional<Duration> retryAfter) {

    private static final Pattern ERROR_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Za-z0-9_.-]{1,64})\"");

    public static UpstreamFailure of(Throwable error) {
        HttpException refused = find(error, HttpException.class);
        if (refused != null) {
            Optional<Duration> retryAfter = refused instanceof UpstreamHttpException upstream
                    ? upstream.retryAfter()
                    : Optional.empty();
            return ofStatus(refused.statusCode(), errorCode(refused.getMessage()), retryAfter);
        }
        if (find(error, HttpConnectTimeoutException.class) != null) {
            return new UpstreamFailure(FailureKind.UNAVAILABLE, 0, "connect timed out", true, Optional.empty());
        }
        HttpTimeoutException silence = find(error, HttpTimeoutException.class);
        if (silence != null) {
            return new UpstreamFailure(FailureKind.TIMEOUT, 0, silence.getMessage(), false, Optional.empty());
        }
        if (find(error, UnresolvedModelServerException.class) != null) {
            return new UpstreamFailure(FailureKind.UNAVAILABLE, 0, "unknown host", true, Optional.empty());
        }
        IOException broken = find(error, IOException.class);
        if (broken != null) {
            return new UpstreamFailure(FailureKind.UNAVAILABLE, 0,
                    "connection failed: " + broken.getClass().getSimpleName(), true, Optional.empty());
        }
        // not an HTTP or network problem (for example an unreadable chunk): another try would fail alike
        return new UpstreamFailure(FailureKind.UNAVAILABLE, 0,
                "unexpected " + rootOf(error).getClass().getSimpleName(), false, Optional.empty());
    }

    private static UpstreamFailure ofStatus(int status, String code, Optional<Duration> retryAfter) {
        String detail = "HTTP " + status + (code.isEmpty() ? "" : " " + code);
        FailureKind kind;
        boolean retryable = false;
        if (status == 401 || status == 403) {
            kind = FailureKind.AUTHENTICATION;
        } else if (status == 429) {
            kind = FailureKind.RATE_LIMITED;
            // an exhausted quota stays exhausted; waiting cannot help
            retryable = !code.equals("insufficient_quota");
        } else if (status == 408) {
            kind = FailureKind.TIMEOUT;
        } else if (status >= 500) {
            kind = FailureKind.UNAVAILABLE;
            retryable = true;
        } else if (code.equals("context_length_exceeded")) {
            kind = FailureKind.CONTEXT_TOO_LONG;
        } else {
            kind = FailureKind.BAD_REQUEST;
        }
        return new UpstreamFailure(kind, status, detail, retryable, retryable ? retryAfter : Optional.empty());
    }

    /** The same failure, once part of the answer has been shown: the answer can only be cut short now. */
    UpstreamFailure afterAnswerStarted() {
        if (kind == FailureKind.TIMEOUT) {
            return this;
        }
        return new UpstreamFailure(FailureKind.INTERRUPTED, status, "stream broke: " + detail, false, Optional.empty());
    }

    Failure toFailure() {
        return new Failure(kind, detail);
    }

    /** OpenAI's machine-readable error code only: its message may quote part of the key. */
    private static String errorCode(String body) {
        if (body == null) {
            return "";
        }
        Matcher matcher = ERROR_CODE.matcher(body);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable rootOf(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}

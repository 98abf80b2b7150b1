package uz.suhbat.adapter.out.ai;

import java.time.Duration;

/**
 * How to reach an OpenAI-compatible chat endpoint.
 *
 * @param baseUrl     the API root, e.g. {@code https://api.openai.com/v1}; blank means OpenAI's
 * @param apiKey      the bearer key; blank means the chat model is not configured
 * @param timeout     how long the upstream may stay silent (before its headers or between two
 *                    pieces of a streamed answer) before the answer fails with a timeout
 * @param maxAttempts attempts per answer, counting the first, for transient failures (connection
 *                    errors, 429, 5xx) that happen before the first piece of the answer
 * @param maxBackoff  the longest wait between two attempts, even when the server asks for more
 */
public record OpenAiSettings(String baseUrl, String apiKey, Duration timeout, int maxAttempts, Duration maxBackoff) {

    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    public OpenAiSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? OPENAI_BASE_URL : baseUrl.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        UpstreamLimits.check(timeout, maxAttempts, maxBackoff);
    }

    /** The endpoint and key, with 60 s of allowed silence, 3 attempts and at most 20 s between two. */
    public static OpenAiSettings of(String baseUrl, String apiKey) {
        return new OpenAiSettings(baseUrl, apiKey, Duration.ofSeconds(60), 3, Duration.ofSeconds(20));
    }

    boolean configured() {
        return !apiKey.isBlank();
    }

    /** Without the key: settings end up in logs and error reports. */
    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + baseUrl + ", apiKey=" + (configured() ? "(set)" : "(none)")
                + ", timeout=" + timeout + ", maxAttempts=" + maxAttempts + ", maxBackoff=" + maxBackoff + "]";
    }
}

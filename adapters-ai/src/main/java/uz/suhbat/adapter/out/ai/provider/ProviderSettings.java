package uz.suhbat.adapter.out.ai.provider;

import java.time.Duration;
import uz.suhbat.adapter.out.ai.UpstreamLimits;

/**
 * How to reach one provider's API (a connection).
 *
 * @param baseUrl     the API root, e.g. {@code https://api.anthropic.com/v1}; blank means the
 *                    provider's public one
 * @param apiKey      the provider's key; blank means the model is not configured
 * @param timeout     how long the upstream may stay silent (before its headers or between two
 *                    pieces of a streamed answer) before the answer fails with a timeout
 * @param maxAttempts attempts per answer, counting the first, for transient failures (connection
 *                    errors, 429, 5xx, an overloaded provider) that happen before the first piece
 * @param maxBackoff  the longest wait between two attempts, even when the server asks for more
 */
public record ProviderSettings(String baseUrl, String apiKey, Duration timeout, int maxAttempts, Duration maxBackoff) {

    public ProviderSettings {
        baseUrl = baseUrl == null ? "" : stripTrailingSlashes(baseUrl.strip());
        apiKey = apiKey == null ? "" : apiKey.strip();
        UpstreamLimits.check(timeout, maxAttempts, maxBackoff);
    }

    /** The endpoint and key, with 60 s of allowed silence, 3 attempts and at most 20 s between two (as for OpenAI). */
    public static ProviderSettings of(String baseUrl, String apiKey) {
        return new ProviderSettings(baseUrl, apiKey, Duration.ofSeconds(60), 3, Duration.ofSeconds(20));
    }

    boolean configured() {
        return !apiKey.isBlank();
    }

    /** The base URL, or {@code publicUrl} when none is set. */
    String baseUrlOr(String publicUrl) {
        return baseUrl.isEmpty() ? publicUrl : baseUrl;
    }

    /** Without the key: settings end up in logs and error reports. */
    @Override
    public String toString() {
        return "ProviderSettings[baseUrl=" + baseUrl + ", apiKey=" + (configured() ? "(set)" : "(none)")
                + ", timeout=" + timeout + ", maxAttempts=" + maxAttempts + ", maxBackoff=" + maxBackoff + "]";
    }

    private static String stripTrailingSlashes(String url) {
        String stripped = url;
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}

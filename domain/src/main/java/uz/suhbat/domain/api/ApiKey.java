package uz.suhbat.domain.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's personal key for the OpenAI-compatible API, as it is stored: its name, the first
 * characters of the key (so that the owner can tell keys apart) and when it was made, last used
 * and revoked. The key itself is shown once and never kept.
 */
public record ApiKey(long id, long userId, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}

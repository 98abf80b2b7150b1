package uz.suhbat.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A device that stays signed in: it may come back without a password while its last visit is
 * less than {@link #IDLE_LIMIT} ago. Its secret token is stored only as a hash and is replaced
 * every time the device comes back; the previous hash stays valid for a few seconds so that
 * parallel requests of one page load do not look like a stolen token.
 */
public record DeviceLogin(
        Long id,
        String series,
        long userId,
        String tokenHash,
        String previousTokenHash,
        Instant rotatedAt,
        Instant createdAt,
        Instant lastUsedAt,
        String userAgent) {

    public static final Duration IDLE_LIMIT = Duration.ofDays(2);
    public static final Duration ROTATION_GRACE = Duration.ofSeconds(30);

    public DeviceLogin {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
    }

    public static DeviceLogin start(String series, long userId, String tokenHash, Instant now, String userAgent) {
        return new DeviceLogin(null, series, userId, tokenHash, null, now, now, now, userAgent);
    }

    public boolean expiredAt(Instant now) {
        return !lastUsedAt.plus(IDLE_LIMIT).isAfter(now);
    }

    public enum Match { CURRENT, JUST_REPLACED, STOLEN }

    /** How a presented token hash relates to this device's tokens. */
    public Match match(String presentedHash, Instant now) {
        if (tokenHash.equals(presentedHash)) {
            return Match.CURRENT;
        }
        if (presentedHash.equals(previousTokenHash) && rotatedAt.plus(ROTATION_GRACE).isAfter(now)) {
            return Match.JUST_REPLACED;
        }
        return Match.STOLEN;
    }

    public DeviceLogin rotate(String newTokenHash, Instant now) {
        return new DeviceLogin(id, series, userId, newTokenHash, tokenHash, now, createdAt, now, userAgent);
    }

    public DeviceLogin visitedAt(Instant now) {
        return new DeviceLogin(id, series, userId, tokenHash, previousTokenHash, rotatedAt, createdAt, now, userAgent);
    }
}

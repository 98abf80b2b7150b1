package uz.suhbat.application.port.out.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What API calls used, per key, day and model; and, when the setting asks for it, what they said. */
public interface ApiUsageRepository {

    /** Counts one request and its tokens for the key, day and model; safe when nodes count at once. */
    void record(long keyId, LocalDate day, String model, int inputTokens, int outputTokens);

    /** Keeps the question and the answer of one call (only when API_STORE_CONTENT is on). */
    void storeExchange(long keyId, Instant at, String model, String question, String answer);

    /** Every key that was used between {@code from} and {@code to} (UTC days, inclusive), most requests first. */
    List<KeyUsage> usageByKey(LocalDate from, LocalDate to);

    /** API requests and tokens per day between {@code from} and {@code to}, days without calls left out. */
    List<DayUsage> usageByDay(LocalDate from, LocalDate to);

    /** How many exchanges are stored for the key (0 while API_STORE_CONTENT is off). */
    int storedExchanges(long keyId);

    record KeyUsage(long keyId, long userId, String username, String keyName, String prefix, boolean revoked,
                    Instant lastUsedAt, long requests, long inputTokens, long outputTokens) {
    }

    record DayUsage(LocalDate day, long requests, long inputTokens, long outputTokens) {
    }
}

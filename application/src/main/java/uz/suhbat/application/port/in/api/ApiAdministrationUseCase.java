package uz.suhbat.application.port.in.api;

import java.util.List;
import java.util.Map;

/** The admin's side of the API: the switches, and what each key used. */
public interface ApiAdministrationUseCase {

    boolean apiOpen();

    void setApiOpen(long adminId, boolean open);

    /** False when there is no such user. */
    boolean setUserApiDisabled(long adminId, long userId, boolean disabled);

    boolean userApiDisabled(long userId);

    /** By the user's name, as the admin types it; false when there is no such user. */
    boolean setUserApiDisabled(long adminId, String username, boolean disabled);

    /** The users the API is off for: id and name. */
    List<Map.Entry<Long, String>> usersWithApiOff();

    /** Requests and tokens per key over the last {@code days} UTC days including today. */
    List<KeyUsage> usageByKey(int days);

    /** API requests and tokens per UTC day over the last {@code days} days, days without calls left out. */
    List<DayUsage> usageByDay(int days);

    record KeyUsage(long keyId, long userId, String username, String keyName, String prefix, boolean revoked,
                    java.time.Instant lastUsedAt, long requests, long inputTokens, long outputTokens) {
    }

    record DayUsage(java.time.LocalDate day, long requests, long inputTokens, long outputTokens) {
    }
}

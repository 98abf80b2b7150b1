package uz.suhbat.application.port.out.limit;

import java.time.LocalDate;
import java.util.Optional;
import uz.suhbat.domain.limit.DailyQuota;

/**
 * Counts the messages each user sends per day against their daily quota. The chat service counts a
 * message before storing it and takes the count back if the message could not be stored.
 */
public interface DailyQuotaPort {

    /** The quota that applies to the user: the admin's setting for this user, else the default; empty when off. */
    Optional<DailyQuota> quotaOf(long userId);

    /**
     * Counts one message for the user on {@code day} if fewer than {@code quota} are counted, atomically:
     * of two messages racing for the last one, one is counted. False when the quota is used up.
     */
    boolean tryCount(long userId, LocalDate day, DailyQuota quota);

    /** Takes back one count of {@code day}, for a message that was counted but could not be stored. */
    void uncount(long userId, LocalDate day);

    /** How many messages are counted for the user on {@code day}. */
    int counted(long userId, LocalDate day);
}

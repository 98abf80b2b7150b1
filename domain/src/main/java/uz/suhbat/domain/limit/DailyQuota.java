package uz.suhbat.domain.limit;

import java.time.Instant;
import uz.suhbat.domain.shared.Problem;
import java.time.LocalDate;
import java.time.ZoneOffset;
import uz.suhbat.domain.shared.InvalidValueException;

/**
 * How many messages one user may send in one day, across all their chats: at least 1, at most
 * {@value #MAX}. Days are UTC days, the same days the admin statistics count in, so a quota and the
 * dashboard never disagree about what "today" held.
 */
public record DailyQuota(int value) {

    public static final int MAX = 100_000;

    public DailyQuota {
        if (value < 1 || value > MAX) {
            throw new InvalidValueException("dailyQuota", Problem.QUOTA_RANGE);
        }
    }

    /** Reads a form field; non-numeric and out-of-range text are invalid. Blank means "no quota" and is the caller's to handle. */
    public static DailyQuota parse(String text) {
        try {
            return new DailyQuota(Integer.parseInt(text == null ? "" : text.strip()));
        } catch (NumberFormatException notANumber) {
            throw new InvalidValueException("dailyQuota", Problem.QUOTA_RANGE);
        }
    }

    /** The quota day that {@code now} falls in. */
    public static LocalDate dayOf(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** When the quota day that {@code now} falls in ends, and the count starts again. */
    public static Instant resetAfter(Instant now) {
        return dayOf(now).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whether so few messages are left that the user should be told: a fifth of the quota, and never fewer than 3. */
    public boolean nearlyUsedUp(int used) {
        int left = value - used;
        return left <= Math.max(3, value / 5);
    }
}

package uz.suhbat.domain.report;

import java.time.LocalDate;
import uz.suhbat.domain.shared.Problem;
import java.time.temporal.ChronoUnit;
import uz.suhbat.domain.shared.InvalidValueException;

/**
 * Whole UTC days from {@code from} to {@code to}, both included; at most {@value #MAX_DAYS} days so a chart stays readable,
 * all of them between {@link #EARLIEST} and {@link #LATEST}.
 */
public record DateRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    /** The days a range may cover: days usage can have happened on, well inside what the database's date types hold. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    public DateRange {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidValueException("range", Problem.RANGE_ORDER);
        }
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            throw new InvalidValueException("range", Problem.RANGE_OUTSIDE);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidValueException("range", Problem.RANGE_TOO_LONG);
        }
    }

    /** The {@code days} days that end with {@code today}. */
    public static DateRange lastDays(LocalDate today, int days) {
        return new DateRange(today.minusDays(days - 1L), today);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }
}

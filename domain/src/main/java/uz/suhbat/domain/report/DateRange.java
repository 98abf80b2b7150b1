package uz.suhbat.domain.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import uz.suhbat.domain.shared.InvalidValueException;

/** Whole UTC days from {@code from} to {@code to}, both included; at most {@value #MAX_DAYS} days so a chart stays readable. */
public record DateRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public DateRange {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidValueException("range", "validation.range.order");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidValueException("range", "validation.range.tooLong");
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

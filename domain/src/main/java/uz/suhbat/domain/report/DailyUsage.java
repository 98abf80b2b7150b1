package uz.suhbat.domain.report;

import java.time.LocalDate;
import java.util.Map;

/**
 * One UTC day. {@code activeUsers} wrote at least one message that day; {@code newUsers} registered
 * that day; tokens are those of the answers given that day; {@code answersByModel} counts the answers
 * each model gave that day.
 */
public record DailyUsage(LocalDate date, long messages, long activeUsers, long newUsers, long inputTokens, long outputTokens,
                         Map<String, Long> answersByModel) {

    public DailyUsage {
        answersByModel = Map.copyOf(answersByModel);
    }

    public static DailyUsage nothing(LocalDate date) {
        return new DailyUsage(date, 0, 0, 0, 0, 0, Map.of());
    }
}

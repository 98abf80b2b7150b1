package uz.suhbat.adapter.out.persistence;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import uz.suhbat.domain.report.DailyUsage;

/**
 * One UTC day's numbers as the roll-up table keeps them: more than {@link DailyUsage} shows (answers,
 * new chats, tokens per model, thumbs up and down given that day), so that totals can be summed from the days.
 */
record UsageDay(LocalDate day, long messages, long answers, long activeUsers, long newUsers, long newChats, long inputTokens,
                long outputTokens, Map<String, ModelUse> byModel, long feedbackUp, long feedbackDown) {

    /** The answers one model gave that day and their tokens. */
    record ModelUse(long answers, long inputTokens, long outputTokens) {
    }

    UsageDay {
        byModel = Map.copyOf(byModel);
    }

    static UsageDay nothing(LocalDate day) {
        return new UsageDay(day, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0);
    }

    /** Something happened that day: a message, an answer, a registration, a new chat or a rating. */
    boolean used() {
        return messages + answers + newUsers + newChats + feedbackUp + feedbackDown > 0;
    }

    DailyUsage toDailyUsage() {
        Map<String, Long> answersByModel = new TreeMap<>();
        byModel.forEach((model, use) -> answersByModel.put(model, use.answers()));
        return new DailyUsage(day, messages, activeUsers, newUsers, inputTokens, outputTokens, answersByModel);
    }
}

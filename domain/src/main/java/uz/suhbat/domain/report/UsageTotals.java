package uz.suhbat.domain.report;

/** Everything so far. {@code messages} are what users wrote; {@code answers} what the models replied. */
public record UsageTotals(long users, long verifiedUsers, long blockedUsers, long chats, long messages, long answers,
                          long inputTokens, long outputTokens, long pdfModels) {
}

package uz.suhbat.domain.report;

import java.time.Instant;

/** A chat as the all-chats page lists it. {@code closedReason}: null, "limit", "context_full" or "model_deleted". */
public record ChatOverview(long id, long userId, String username, String title, String model, Instant createdAt, Instant updatedAt,
                           int used, int limit, String closedReason) {

    public boolean readOnly() {
        return closedReason != null || used >= limit;
    }
}

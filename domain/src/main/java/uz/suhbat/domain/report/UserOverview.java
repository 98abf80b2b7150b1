package uz.suhbat.domain.report;

import java.time.Instant;

/**
 * A user as the users page lists them. {@code messages} counts what the user wrote (not the answers);
 * {@code lastActiveAt} is the later of the last sign-in activity and the newest chat update;
 * {@code messageLimit} is the admin's per-user override of the chat limit, {@code dailyQuota} the user's own
 * daily message quota; each null when none.
 */
public record UserOverview(long id, String username, String email, boolean emailVerified, boolean blocked, String blockedReason,
                           Instant registeredAt, Instant lastActiveAt, long chats, long messages, Integer messageLimit,
                           Integer dailyQuota) {
}

package uz.suhbat.domain.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One admin action, kept for accountability. The admin's name is copied, not referenced, so the
 * log still says who acted after that admin is removed. {@code target} names what was acted on
 * (a user, a chat, a setting) and {@code detail} adds the rest (a reason, the old and new value).
 */
public record AuditEntry(Long id, long adminId, String adminUsername, Instant at, AuditAction action, String target, String detail) {

    public static final int MAX_DETAIL = 1000;

    public AuditEntry {
        Objects.requireNonNull(adminUsername, "adminUsername");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        target = target == null ? "" : target;
        detail = detail == null ? "" : cut(detail);
    }

    public static AuditEntry of(long adminId, String adminUsername, Instant at, AuditAction action, String target, String detail) {
        return new AuditEntry(null, adminId, adminUsername, at, action, target, detail);
    }

    private static String cut(String text) {
        return uz.suhbat.domain.shared.ShortText.cutWithEllipsis(text, MAX_DETAIL);
    }
}

package uz.suhbat.domain.audit;

/** What an admin did. Stored by name, so names never change; new actions are added at the end. */
public enum AuditAction {
    USER_BLOCKED,
    USER_UNBLOCKED,
    DEFAULT_CHAT_LIMIT_CHANGED,
    USER_CHAT_LIMIT_CHANGED,
    CHAT_LIMIT_CHANGED,
    ADMIN_ADDED,
    ADMIN_REMOVED,
    MODEL_CREATED,
    MODEL_LAUNCHED,
    MODEL_HIDDEN,
    MODEL_DELETED,
    DEFAULT_DAILY_QUOTA_CHANGED,
    USER_DAILY_QUOTA_CHANGED,
    SHARING_CHANGED,
    API_ACCESS_CHANGED,
    USER_API_ACCESS_CHANGED
}

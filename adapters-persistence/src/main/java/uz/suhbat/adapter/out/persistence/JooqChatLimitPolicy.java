package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import org.jooq.DSLContext;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPort;
import uz.suhbat.domain.limit.MessageLimit;

/** The user's override, else the stored default, else the configured one (CHAT_MESSAGE_LIMIT). */
final class JooqChatLimitPolicy implements ChatLimitPolicyPort {

    private final DSLContext db;
    private final JooqLimitSettingsRepository settings;
    private final MessageLimit configuredDefault;

    JooqChatLimitPolicy(DSLContext db, MessageLimit configuredDefault) {
        this.db = db;
        this.settings = new JooqLimitSettingsRepository(db);
        this.configuredDefault = configuredDefault;
    }

    @Override
    public int limitForNewChat(long userId) {
        Integer own = db.select(USER.MESSAGE_LIMIT).from(USER).where(USER.ID.eq(userId)).fetchOptional(USER.MESSAGE_LIMIT).orElse(null);
        if (own != null) {
            return own;
        }
        return settings.defaultChatLimit().orElse(configuredDefault).value();
    }
}

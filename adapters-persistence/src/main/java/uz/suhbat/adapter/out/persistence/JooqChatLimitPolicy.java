package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.SETTING;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPort;
import uz.suhbat.domain.limit.MessageLimit;

/**
 * The user's override, else the stored default, else the configured one (CHAT_MESSAGE_LIMIT).
 * Asked for every new chat, before the first message is stored: the user, the override and the stored
 * default come in one round trip (the default as a subquery).
 */
final class JooqChatLimitPolicy implements ChatLimitPolicyPort {

    private final DSLContext db;
    private final MessageLimit configuredDefault;

    JooqChatLimitPolicy(DSLContext db, MessageLimit configuredDefault) {
        this.db = db;
        this.configuredDefault = configuredDefault;
    }

    @Override
    public Optional<NewChatAuthor> authorOfNewChat(long userId) {
        Field<String> storedDefault = storedDefault();
        return db.select(USER.fields()).select(storedDefault)
                .from(USER).where(USER.ID.eq(userId))
                .fetchOptional(row -> new NewChatAuthor(JooqUserRepository.toUser(row.into(USER)),
                        limit(row.get(USER.MESSAGE_LIMIT), row.get(storedDefault))));
    }

    static Field<String> storedDefault() {
        return DSL.field(DSL.select(SETTING.VALUE).from(SETTING).where(SETTING.NAME.eq(JooqLimitSettingsRepository.DEFAULT_CHAT_LIMIT)))
                .as("stored_default");
    }

    /** A user's own limit edited by hand into something unusable counts as unset, like the stored default. */
    MessageLimit limit(Integer own, String storedDefault) {
        if (own != null && own >= 1 && own <= MessageLimit.MAX) {
            return new MessageLimit(own);
        }
        return JooqLimitSettingsRepository.parse(storedDefault).orElse(configuredDefault);
    }
}

package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.SETTING;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
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
    private final JooqLimitSettingsRepository settings;
    private final MessageLimit configuredDefault;

    JooqChatLimitPolicy(DSLContext db, MessageLimit configuredDefault) {
        this.db = db;
        this.settings = new JooqLimitSettingsRepository(db);
        this.configuredDefault = configuredDefault;
    }

    @Override
    public int limitForNewChat(long userId) {
        Record2<Integer, String> row = db.select(USER.MESSAGE_LIMIT, storedDefault())
                .from(USER).where(USER.ID.eq(userId))
                .fetchOne();
        if (row == null) {
            // no such user (any more): the default applies, as for a user without an override
            return settings.defaultChatLimit().orElse(configuredDefault).value();
        }
        return limit(row.value1(), row.value2());
    }

    @Override
    public Optional<NewChatAuthor> authorOfNewChat(long userId) {
        Field<String> storedDefault = storedDefault();
        return db.select(USER.fields()).select(storedDefault)
                .from(USER).where(USER.ID.eq(userId))
                .fetchOptional(row -> new NewChatAuthor(JooqUserRepository.toUser(row.into(USER)),
                        limit(row.get(USER.MESSAGE_LIMIT), row.get(storedDefault))));
    }

    private static Field<String> storedDefault() {
        return DSL.field(DSL.select(SETTING.VALUE).from(SETTING).where(SETTING.NAME.eq(JooqLimitSettingsRepository.DEFAULT_CHAT_LIMIT)))
                .as("stored_default");
    }

    private int limit(Integer own, String storedDefault) {
        if (own != null) {
            return own;
        }
        return JooqLimitSettingsRepository.parse(storedDefault).orElse(configuredDefault).value();
    }
}

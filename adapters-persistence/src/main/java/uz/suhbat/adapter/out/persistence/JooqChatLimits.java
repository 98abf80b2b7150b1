package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.SETTING;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.util.OptionalInt;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.chat.ChatLimitPort;

/** A user's own limit (column user.message_limit), else the admin's default (setting {@value #DEFAULT_LIMIT}). */
final class JooqChatLimits implements ChatLimitPort {

    static final String DEFAULT_LIMIT = "chat_message_limit";

    private final DSLContext db;

    JooqChatLimits(DSLContext db) {
        this.db = db;
    }

    @Override
    public OptionalInt configuredLimit(long userId) {
        Integer own = db.select(USER.MESSAGE_LIMIT).from(USER).where(USER.ID.eq(userId)).fetchOptional(USER.MESSAGE_LIMIT).orElse(null);
        if (own != null) {
            return OptionalInt.of(own);
        }
        return db.select(SETTING.VALUE).from(SETTING).where(SETTING.NAME.eq(DEFAULT_LIMIT)).fetchOptional(SETTING.VALUE)
                .flatMap(JooqChatLimits::parse)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static java.util.Optional<Integer> parse(String value) {
        try {
            return java.util.Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException broken) {
            return java.util.Optional.empty();
        }
    }
}

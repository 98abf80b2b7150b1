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
        var row = db.select(USER.MESSAGE_LIMIT, SETTING.VALUE)
                .from(USER).leftJoin(SETTING).on(SETTING.NAME.eq(DEFAULT_LIMIT))
                .where(USER.ID.eq(userId))
                .fetchOne();
        if (row == null) {
            return OptionalInt.empty();
        }
        if (row.value1() != null) {
            return OptionalInt.of(row.value1());
        }
        return java.util.Optional.ofNullable(row.value2()).flatMap(JooqChatLimits::parse)
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

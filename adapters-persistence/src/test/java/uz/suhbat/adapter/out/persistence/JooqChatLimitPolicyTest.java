package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.suhbat.adapter.out.persistence.schema.Tables.SETTING;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPort;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPortContract;
import uz.suhbat.domain.limit.MessageLimit;

class JooqChatLimitPolicyTest extends ChatLimitPolicyPortContract {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 8, 0);

    private DSLContext db;

    @Override
    protected ChatLimitPolicyPort emptyPolicy() {
        db = TestDatabase.emptied();
        return new JooqChatLimitPolicy(db, CONFIGURED);
    }

    @Override
    protected long givenUser(String name) {
        return new Rows(db).user(name, NOW, true, false);
    }

    @Override
    protected void adminDefault(MessageLimit limit) {
        new JooqLimitSettingsRepository(db).saveDefaultChatLimit(limit);
    }

    @Override
    protected void userLimit(long userId, MessageLimit limit) {
        new JooqLimitSettingsRepository(db).saveUserChatLimit(userId, limit);
    }

    @Test
    void limitsEditedByHandIntoNonsenseCountAsUnset() {
        ChatLimitPolicyPort policy = emptyPolicy();
        long user = givenUser("aziz");
        db.insertInto(SETTING).set(SETTING.NAME, JooqLimitSettingsRepository.DEFAULT_CHAT_LIMIT).set(SETTING.VALUE, "lots").execute();
        db.update(USER).set(USER.MESSAGE_LIMIT, 0).where(USER.ID.eq(user)).execute();

        assertThat(policy.authorOfNewChat(user).orElseThrow().limitForNewChat()).isEqualTo(CONFIGURED);
    }
}

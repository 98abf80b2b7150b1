package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.suhbat.adapter.out.persistence.schema.Tables.SETTING;

import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.limit.LimitSettingsRepository;
import uz.suhbat.application.port.out.limit.LimitSettingsRepositoryContract;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.limit.MessageLimit;

class JooqLimitSettingsRepositoryTest extends LimitSettingsRepositoryContract {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 8, 0);

    private DSLContext db;

    @Override
    protected LimitSettingsRepository emptyRepository() {
        db = TestDatabase.emptied();
        return new JooqLimitSettingsRepository(db);
    }

    @Override
    protected long givenUser() {
        return new Rows(db).user("limited", NOW, true, false);
    }

    @Override
    protected long givenChat(long userId, int limit, int used, Chat.ClosedReason closedReason) {
        return new Rows(db).chat(userId, "A chat", "gpt-4o-mini", NOW, limit, used, closedReason == null ? null : closedReason.wireName());
    }

    private static int limitOf(JooqChatLimitPolicy policy, long user) {
        return policy.authorOfNewChat(user).orElseThrow().limitForNewChat().value();
    }

    @Test
    void aNewChatGetsTheUserOverrideElseTheStoredDefaultElseTheConfiguredOne() {
        LimitSettingsRepository settings = emptyRepository();
        JooqChatLimitPolicy policy = new JooqChatLimitPolicy(db, new MessageLimit(50));
        long user = givenUser();

        assertThat(limitOf(policy, user)).isEqualTo(50);
        settings.saveDefaultChatLimit(new MessageLimit(70));
        assertThat(limitOf(policy, user)).isEqualTo(70);
        settings.saveUserChatLimit(user, new MessageLimit(9));
        assertThat(limitOf(policy, user)).isEqualTo(9);
    }

    @Test
    void anUnusableStoredDefaultCountsAsUnset() {
        emptyRepository();
        JooqChatLimitPolicy policy = new JooqChatLimitPolicy(db, new MessageLimit(50));
        long user = givenUser();

        db.insertInto(SETTING).set(SETTING.NAME, JooqLimitSettingsRepository.DEFAULT_CHAT_LIMIT).set(SETTING.VALUE, "lots").execute();
        assertThat(limitOf(policy, user)).isEqualTo(50);
        db.update(SETTING).set(SETTING.VALUE, "30").execute();
        assertThat(limitOf(policy, user)).isEqualTo(30);
    }

    @Test
    void theAuthorOfANewChatComesWithTheLimitTheChatGets() {
        LimitSettingsRepository settings = emptyRepository();
        JooqChatLimitPolicy policy = new JooqChatLimitPolicy(db, new MessageLimit(50));
        long verified = new Rows(db).user("writer", NOW, true, false);
        long blocked = new Rows(db).user("blocked", NOW, true, true);

        assertThat(policy.authorOfNewChat(verified)).hasValueSatisfying(author -> {
            assertThat(author.user().id()).isEqualTo(verified);
            assertThat(author.user().username().value()).isEqualTo("writer");
            assertThat(author.user().mayChat()).isTrue();
            assertThat(author.limitForNewChat().value()).isEqualTo(50);
        });
        settings.saveDefaultChatLimit(new MessageLimit(70));
        settings.saveUserChatLimit(blocked, new MessageLimit(9));
        assertThat(policy.authorOfNewChat(verified)).hasValueSatisfying(author -> assertThat(author.limitForNewChat().value()).isEqualTo(70));
        assertThat(policy.authorOfNewChat(blocked)).hasValueSatisfying(author -> {
            assertThat(author.user().blocked()).isTrue();
            assertThat(author.limitForNewChat().value()).isEqualTo(9);
        });
        assertThat(policy.authorOfNewChat(blocked + 1_000)).isEmpty();
    }
}

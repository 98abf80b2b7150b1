package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.account.PreferenceRepository;
import uz.suhbat.application.port.out.account.PreferenceRepositoryContract;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.CustomInstructions;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

class JooqPreferenceRepositoryTest extends PreferenceRepositoryContract {

    private DSLContext db;
    private long[] users;
    private long chat;
    private long admin;

    @Override
    protected PreferenceRepository emptyRepository() {
        db = TestDatabase.emptied();
        users = new long[] {user("prefs1"), user("prefs2")};
        chat = new JooqChatRepository(db).createWithFirstMessage(users[0], "t", "gpt-4o-mini", new MessageLimit(5), "q", Instant.EPOCH)
                .chat().id();
        admin = new JooqAdminRepository(db).save(Admin.newAdmin(new Username("themer"), new EmailAddress("themer@example.uz"), "h",
                Instant.EPOCH)).id();
        return new JooqPreferenceRepository(db);
    }

    private long user(String name) {
        return new JooqUserRepository(db).save(User.register(new Username(name), new EmailAddress(name + "@example.uz"), "h",
                Instant.EPOCH, "uz")).id();
    }

    @Override
    protected long userId(int which) {
        return users[which - 1];
    }

    @Override
    protected long chatId() {
        return chat;
    }

    @Override
    protected long adminId() {
        return admin;
    }

    @Test
    void theChatsCopyGoesWithTheChatAndTheUsersPreferencesWithTheUser() {
        PreferenceRepository preferences = emptyRepository();
        preferences.saveInstructions(users[0], new CustomInstructions("a", "b", true));
        preferences.keepForChat(chat, new CustomInstructions("a", "b", true));

        new JooqChatRepository(db).delete(chat);
        assertThat(preferences.chatInstructions(chat)).isEmpty();

        new JooqUserRepository(db).delete(users[0]);
        assertThat(db.fetchCount(db.selectFrom("user_preference"))).isZero();
    }
}

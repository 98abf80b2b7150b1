package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.chat.ChatRepositoryContract;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

class JooqChatRepositoryTest extends ChatRepositoryContract {

    private long[] users;
    private DSLContext db;

    @Override
    protected ChatRepository emptyRepository() {
        db = TestDatabase.emptied();
        JooqUserRepository repository = new JooqUserRepository(db);
        users = new long[] {
            repository.save(User.register(new Username("chatter1"), new EmailAddress("c1@example.uz"), "h", Instant.EPOCH, "uz")).id(),
            repository.save(User.register(new Username("chatter2"), new EmailAddress("c2@example.uz"), "h", Instant.EPOCH, "uz")).id()
        };
        return new JooqChatRepository(db);
    }

    @Override
    protected long userId(int which) {
        return users[which - 1];
    }

    @Test
    void deletingAUserDeletesTheirChatsAndMessages() {
        ChatRepository chats = emptyRepository();
        long id = chat(chats, userId(1), "t", "m", 5, T0);

        new JooqUserRepository(db).delete(userId(1));

        assertThat(chats.find(id)).isEmpty();
        assertThat(db.fetchCount(db.selectFrom("chat_history"))).isZero();
    }
}

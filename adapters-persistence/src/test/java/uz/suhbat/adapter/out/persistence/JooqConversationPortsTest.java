package uz.suhbat.adapter.out.persistence;

import java.time.Instant;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.conversation.ConversationPortsContract;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

class JooqConversationPortsTest extends ConversationPortsContract {

    private long[] users;

    @Override
    protected Ports emptyPorts() {
        DSLContext db = TestDatabase.emptied();
        JooqUserRepository repository = new JooqUserRepository(db);
        users = new long[] {
            repository.save(User.register(new Username("talker1"), new EmailAddress("t1@example.uz"), "h", Instant.EPOCH, "uz")).id(),
            repository.save(User.register(new Username("talker2"), new EmailAddress("t2@example.uz"), "h", Instant.EPOCH, "uz")).id()
        };
        return new Ports(new JooqChatRepository(db), new JooqChatShelf(db), new JooqChatSearch(db), new JooqChatShares(db),
                new JooqFeedback(db), new JooqSharingSetting(db));
    }

    @Override
    protected long userId(int which) {
        return users[which - 1];
    }
}

package uz.suhbat.adapter.out.persistence;

import java.time.Instant;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.chat.ChatRepositoryContract;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/**
 * The chat repository as the application wires it: write transactions on connections whose
 * autocommit is off, everything else on the main connections, so every rule of the contract is
 * checked across the two (what a transaction writes is committed and seen by the other pool).
 */
class JooqChatRepositoryOnTransactionConnectionsTest extends ChatRepositoryContract {

    private long[] users;

    @Override
    protected ChatRepository emptyRepository() {
        DSLContext db = TestDatabase.emptied();
        JooqUserRepository repository = new JooqUserRepository(db);
        users = new long[] {
            repository.save(User.register(new Username("chatter1"), new EmailAddress("c1@example.uz"), "h", Instant.EPOCH, "uz")).id(),
            repository.save(User.register(new Username("chatter2"), new EmailAddress("c2@example.uz"), "h", Instant.EPOCH, "uz")).id()
        };
        return new JooqChatRepository(db, PersistenceConfiguration.transactional(db, TestDatabase.transactionConnections()));
    }

    @Override
    protected long userId(int which) {
        return users[which - 1];
    }
}

package uz.suhbat.adapter.out.persistence;

import java.time.Instant;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.chat.AnswerGuardPort;
import uz.suhbat.application.port.out.chat.AnswerGuardPortContract;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

class JooqAnswerGuardTest extends AnswerGuardPortContract {

    private DSLContext db;
    private long user;

    @Override
    protected AnswerGuardPort guard() {
        db = TestDatabase.emptied();
        user = new JooqUserRepository(db).save(User.register(new Username("guarded"), new EmailAddress("guarded@example.uz"), "h",
                Instant.EPOCH, "uz")).id();
        return new JooqAnswerGuard(db);
    }

    @Override
    protected long newChat() {
        return new JooqChatRepository(db).createWithFirstMessage(user, "t", "m", new uz.suhbat.domain.limit.MessageLimit(5), "q", Instant.EPOCH)
                .chat().id();
    }
}

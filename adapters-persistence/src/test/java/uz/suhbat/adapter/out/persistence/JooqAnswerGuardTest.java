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

    @org.junit.jupiter.api.Test
    void aChatMadeClaimedIsHeldByThatClaimFromItsInsert() {
        AnswerGuardPort guard = guard();
        Instant now = Instant.parse("2026-11-30T01:00:00Z");
        var created = new JooqChatRepository(db).createClaimedWithFirstMessage(user, "t", "m", new uz.suhbat.domain.limit.MessageLimit(5), "q",
                now, "first-answer");
        long chatId = created.started().chat().id();
        org.assertj.core.api.Assertions.assertThat(created.claimed()).isTrue();
        org.assertj.core.api.Assertions.assertThat(guard.claim(chatId, "other", now.plusSeconds(1), now.minusSeconds(9)))
                .as("held since the insert").isFalse();
        guard.keepAllAlive(java.util.Map.of(chatId, "first-answer"), now.plusSeconds(5));
        org.assertj.core.api.Assertions.assertThat(guard.claim(chatId, "other", now.plusSeconds(12), now.plusSeconds(2)))
                .as("kept alive like any claim").isFalse();
        guard.release(chatId, "first-answer");
        org.assertj.core.api.Assertions.assertThat(guard.claim(chatId, "other", now.plusSeconds(13), now.plusSeconds(3))).isTrue();
    }
}

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
        return new JooqChatRepository(db, PersistenceConfiguration.transactional(db, TestDatabase.transactionConnections()), true);
    }

    /** A new chat is stored in one round trip here: its statistics counters are what the usual statements write. */
    @org.junit.jupiter.api.Test
    void newChatsStoredInOneRoundTripCountTheirQuestionAndTheirWriterAsTheUsualStatementsDo() {
        ChatRepository chats = emptyRepository();
        DSLContext db = TestDatabase.dsl();
        Instant morning = Instant.parse("2026-11-30T07:30:00Z");
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(chats.createClaimedWithFirstMessage(userId(1), "t" + i, "gpt-4o-mini", new uz.suhbat.domain.limit.MessageLimit(5),
                    "question " + i, morning, "owner-" + i).started().chat().id());
        }
        ids.add(chats.createWithFirstMessage(userId(2), "t", "gpt-4o-mini", new uz.suhbat.domain.limit.MessageLimit(5), "savol",
                morning.plusSeconds(60)).chat().id());

        org.assertj.core.api.Assertions.assertThat(ids).doesNotHaveDuplicates();
        for (long id : ids) {
            org.assertj.core.api.Assertions.assertThat(chats.find(id)).get().satisfies(chat -> {
                org.assertj.core.api.Assertions.assertThat(chat.used()).isEqualTo(1);
                org.assertj.core.api.Assertions.assertThat(chat.limit().value()).isEqualTo(5);
            });
            org.assertj.core.api.Assertions.assertThat(db.fetchValue("select count(*) from chat_history where chat_id = ? and `rank` = 1 "
                    + "and role = 'user' and status = 'complete'", id)).isEqualTo(1L);
        }
        org.assertj.core.api.Assertions.assertThat(db.fetchValue("select answering_by from chat where id = ?", ids.get(1))).isEqualTo("owner-1");
        // per slot (chat id modulo 8) the questions of that day, and the day's two writers
        java.util.Map<Integer, Long> perSlot = new java.util.TreeMap<>();
        ids.forEach(id -> perSlot.merge((int) Math.floorMod(id, 8L), 1L, Long::sum));
        java.util.Map<Integer, Long> counted = new java.util.TreeMap<>();
        db.fetch("select slot, messages from usage_count where day = '2026-11-30' and role = 'user' and model = ''")
                .forEach(r -> counted.put(r.get(0, Integer.class), r.get(1, Long.class)));
        org.assertj.core.api.Assertions.assertThat(counted).isEqualTo(perSlot);
        org.assertj.core.api.Assertions.assertThat(db.fetch("select user_id from usage_day_user where day = '2026-11-30' order by user_id")
                .getValues(0, Long.class)).containsExactly(userId(1), userId(2));
    }

    @Override
    protected long userId(int which) {
        return users[which - 1];
    }
}

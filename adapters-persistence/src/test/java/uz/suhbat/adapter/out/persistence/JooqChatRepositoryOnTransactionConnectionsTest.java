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

    /**
     * Two answers to the same question stored at the same moment (two nodes, say): the chat's row lock orders them, and the
     * later one, whose read comes after the earlier one's commit, is a second version (the earlier one leaves the branch),
     * never a second answer on the branch beside it.
     */
    @org.junit.jupiter.api.Test
    void twoAnswersToOneQuestionAtOnceAreTwoVersions() throws Exception {
        ChatRepository chats = emptyRepository();
        DSLContext db = TestDatabase.dsl();
        var interrupted = uz.suhbat.domain.chat.MessageStatus.INTERRUPTED;
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 20; round++) {
                long id = chat(chats, userId(1), "t", "m", 9, T0);
                var together = new java.util.concurrent.CyclicBarrier(2);
                java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
                for (String text : java.util.List.of("A", "B")) {
                    answers.add(threads.submit(() -> {
                        together.await();
                        return chats.appendAssistantMessage(id, 1, text, interrupted, "m", 0, 0, java.util.List.of(), T0).rank();
                    }));
                }
                for (var answer : answers) {
                    answer.get();
                }
                org.assertj.core.api.Assertions.assertThat(String.join(" ", db.select(org.jooq.impl.DSL.field("`rank`"),
                                org.jooq.impl.DSL.field("chosen"), org.jooq.impl.DSL.field("on_branch"))
                        .from("chat_history").where(org.jooq.impl.DSL.field("chat_id").eq(id)).orderBy(org.jooq.impl.DSL.field("`rank`"))
                        .fetch(r -> r.get(0) + (r.get(1, Boolean.class) ? "*" : "") + (r.get(2, Boolean.class) ? "+" : "-"))))
                        .as("round %d", round).isEqualTo("1*+ 2- 3*+");
            }
        }
    }
}

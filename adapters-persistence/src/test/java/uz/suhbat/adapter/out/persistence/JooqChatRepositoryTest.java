package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
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
    void theAdminsUsersPageCountsEveryQuestionAUserWrites() {
        ChatRepository chats = emptyRepository();
        UserMessageCountCheck.check(chats, db, userId(1), userId(2));
    }

    @Test
    void deletingAUserDeletesTheirChatsAndMessages() {
        ChatRepository chats = emptyRepository();
        long id = chat(chats, userId(1), "t", "m", 5, T0);

        new JooqUserRepository(db).delete(userId(1));

        assertThat(chats.find(id)).isEmpty();
        assertThat(db.fetchCount(db.selectFrom("chat_history"))).isZero();
    }

    @Test
    void theBranchesMigrationMakesEachEarlierMessageFollowTheOneBeforeIt() throws Exception {
        ChatRepository chats = emptyRepository();
        long id = chat(chats, userId(1), "t", "m", 5, T0);
        long other = chat(chats, userId(2), "t", "m", 5, T0);
        chats.appendAssistantMessage(id, "A1", uz.suhbat.domain.chat.MessageStatus.COMPLETE, "m", 0, 0, java.util.List.of(), T0);
        chats.appendUserMessage(id, "Q2", "m", T0);
        db.execute("update chat_history set parent_rank = null");

        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V80__message_branches.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int update = migration.indexOf("UPDATE");
        db.execute(migration.substring(update, migration.indexOf(';', update)));

        assertThat(chats.tree(id)).extracting(n -> n.rank() + "<" + n.parentRank()).containsExactly("1<0", "2<1", "3<2");
        assertThat(chats.tree(other)).extracting(n -> n.rank() + "<" + n.parentRank()).containsExactly("1<0");
        assertThat(chats.messages(id)).extracting(uz.suhbat.domain.chat.Message::content).containsExactly("first", "A1", "Q2");
    }

    @Test
    void anAnswerToTheEndOfTheActiveBranchExtendsItAndOtherAnswersAreVersions() {
        ChatRepository chats = emptyRepository();
        long id = chat(chats, userId(1), "t", "m", 9, T0);
        var interrupted = uz.suhbat.domain.chat.MessageStatus.INTERRUPTED;
        // the usual answer, to the branch's last message: the branch grows by it
        assertThat(chats.appendAssistantMessage(id, 1, "A1", interrupted, "m", 0, 0, java.util.List.of(), T0).rank()).isEqualTo(2);
        assertThat(onBranch(id)).isEqualTo("1+ 2+");
        // a second version of that answer: the first leaves the branch
        assertThat(chats.appendAssistantMessage(id, 1, "A1b", interrupted, "m", 0, 0, java.util.List.of(), T0).rank()).isEqualTo(3);
        assertThat(onBranch(id)).isEqualTo("1+ 2- 3+");
        int q2 = chats.appendUserMessage(id, 3, "Q2", "m", T0).orElseThrow().rank();
        assertThat(chats.appendAssistantMessage(id, q2, "A2", interrupted, "m", 0, 0, java.util.List.of(), T0).rank()).isEqualTo(5);
        assertThat(onBranch(id)).isEqualTo("1+ 2- 3+ 4+ 5+");
        // an answer following a message off the active branch (no answer of its own yet): chosen there, off the branch too
        assertThat(chats.appendAssistantMessage(id, 2, "A1-next", interrupted, "m", 0, 0, java.util.List.of(), T0).rank()).isEqualTo(6);
        assertThat(onBranch(id)).isEqualTo("1+ 2- 3+ 4+ 5+ 6-");
        assertThat(chats.messages(id)).extracting(uz.suhbat.domain.chat.Message::content).containsExactly("first", "A1b", "Q2", "A2");
        assertThat(chats.choose(id, 2)).isTrue();
        assertThat(onBranch(id)).isEqualTo("1+ 2+ 3- 4- 5- 6+");
        assertThat(chats.tree(id)).extracting(n -> n.rank() + "<" + n.parentRank() + (n.chosen() ? "*" : ""))
                .containsExactly("1<0*", "2<1*", "3<1", "4<3*", "5<4*", "6<2*");
    }

    @Test
    void theUsualAnswerIsOneReadAndOneInsertWithoutRewritingTheTree() {
        emptyRepository();
        java.util.List<String> statements = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        DSLContext watched = db.configuration().derive(new org.jooq.impl.DefaultExecuteListenerProvider(new org.jooq.ExecuteListener() {
            @Override
            public void executeStart(org.jooq.ExecuteContext ctx) {
                statements.add(ctx.sql().toLowerCase(java.util.Locale.ROOT));
            }
        })).dsl();
        ChatRepository chats = new JooqChatRepository(watched);
        long id = chat(chats, userId(1), "t", "m", 9, T0);
        var interrupted = uz.suhbat.domain.chat.MessageStatus.INTERRUPTED;

        statements.clear();
        assertThat(chats.appendAssistantMessage(id, 1, "A1", interrupted, "m", 0, 0, java.util.List.of(), T0).rank()).isEqualTo(2);
        // the chat's row (its lock), the read of the next rank and the question's place, the insert, the day's count
        assertThat(statements).hasSize(4);
        assertThat(statements).noneMatch(sql -> sql.startsWith("update `chat_history`"));
        assertThat(onBranch(id)).isEqualTo("1+ 2+");

        statements.clear();
        assertThat(chats.appendAssistantMessage(id, 1, "A1b", interrupted, "m", 0, 0, java.util.List.of(), T0).rank()).isEqualTo(3);
        // a second version: the full path, which sets chosen and on_branch again
        assertThat(statements).filteredOn(sql -> sql.startsWith("update `chat_history`")).hasSize(2);
        assertThat(onBranch(id)).isEqualTo("1+ 2- 3+");
    }

    private String onBranch(long chatId) {
        return String.join(" ", db.select(DSL.field("`rank`"), DSL.field("on_branch")).from("chat_history")
                .where(DSL.field("chat_id").eq(chatId)).orderBy(DSL.field("`rank`"))
                .fetch(r -> r.get(0) + (r.get(1, Boolean.class) ? "+" : "-")));
    }
}

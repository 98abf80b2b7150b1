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

    /**
     * A claimed new chat's statement is rendered once (JooqChatRepository.newChatStatement) and bound with each chat's own values:
     * the second chat (another user, day, title, model, limit, question and claim) is stored with its values, not the first's.
     */
    @org.junit.jupiter.api.Test
    void everyClaimedNewChatIsStoredWithItsOwnValues() {
        ChatRepository chats = emptyRepository();
        DSLContext db = TestDatabase.dsl();
        long first = chats.createClaimedWithFirstMessage(userId(1), "Birinchi", "gpt-4o-mini", new uz.suhbat.domain.limit.MessageLimit(5),
                "savol bir", Instant.parse("2026-11-30T07:30:00.123Z"), "owner-a").started().chat().id();
        long second = chats.createClaimedWithFirstMessage(userId(2), "Ikkinchi", "gpt-4o", new uz.suhbat.domain.limit.MessageLimit(7),
                "savol ikki", Instant.parse("2026-12-01T23:59:59Z"), "owner-b").started().chat().id();
        org.assertj.core.api.Assertions.assertThat(((JooqChatRepository) chats).keepsNewChatStatement())
                .as("the statement rendered at the first chat is kept, so the second was bound to it").isTrue();

        org.assertj.core.api.Assertions.assertThat(db.fetchOne("select user_id, title, model, message_limit, used, date, updated, answering_by,"
                        + " answering_since from chat where id = ?", second).intoArray())
                .containsExactly(userId(2), "Ikkinchi", "gpt-4o", 7, 1, java.sql.Timestamp.valueOf("2026-12-01 23:59:59"),
                        java.sql.Timestamp.valueOf("2026-12-01 23:59:59"), "owner-b", java.sql.Timestamp.valueOf("2026-12-01 23:59:59"));
        org.assertj.core.api.Assertions.assertThat(db.fetchOne("select user_id, title, model, message_limit, answering_by from chat where id = ?",
                first).intoArray()).containsExactly(userId(1), "Birinchi", "gpt-4o-mini", 5, "owner-a");
        org.assertj.core.api.Assertions.assertThat(db.fetchOne("select content, model, date from chat_history where chat_id = ?", second).intoArray())
                .containsExactly("savol ikki", "gpt-4o", java.sql.Timestamp.valueOf("2026-12-01 23:59:59"));
        org.assertj.core.api.Assertions.assertThat(db.fetch("select day, user_id from usage_day_user order by day").map(r -> r.get(0) + " " + r.get(1)))
                .containsExactly("2026-11-30 " + userId(1), "2026-12-01 " + userId(2));
        org.assertj.core.api.Assertions.assertThat(db.fetch("select day, sum(messages) from usage_count where role = 'user' group by day order by day")
                .map(r -> r.get(0) + " " + r.get(1))).containsExactly("2026-11-30 1", "2026-12-01 1");
    }

    /**
     * One COMMIT on the server per new chat (sent inside the chat's query); a new chat whose statement fails is rolled back and
     * its connection goes back to the pool clean (an earlier try sent the commit inside the query and let the driver trust its
     * {@code useLocalTransactionState}: the rollback was skipped after such a failure, and the next test's emptying of the
     * tables waited for the open transaction's locks for ever).
     */
    @org.junit.jupiter.api.Test
    void aNewChatIsCommittedOnceAndAFailedOneLeavesNothingAndAUsableConnection() throws Exception {
        ChatRepository chats = emptyRepository();
        DSLContext db = TestDatabase.dsl();
        // the commits of one session: a pool of one connection, whose every use is that session
        long id;
        try (com.zaxxer.hikari.HikariDataSource one = TestDatabase.transactionConnections(null, 1)) {
            ChatRepository onOne = new JooqChatRepository(db, PersistenceConfiguration.transactional(db, one), true);
            long commitsBefore = commits(one);
            id = onOne.createWithFirstMessage(userId(1), "t", "gpt-4o-mini", new uz.suhbat.domain.limit.MessageLimit(5), "savol",
                    Instant.parse("2026-11-30T07:40:00Z")).chat().id();
            org.assertj.core.api.Assertions.assertThat(commits(one) - commitsBefore).isEqualTo(1);
        }
        org.assertj.core.api.Assertions.assertThat(chats.find(id)).isPresent();

        // a title longer than its column: the chat's insert fails, so nothing of it is stored (nor counted)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> chats.createWithFirstMessage(userId(1), "t".repeat(300), "gpt-4o-mini",
                new uz.suhbat.domain.limit.MessageLimit(5), "boshqa savol", Instant.parse("2026-11-30T07:41:00Z")))
                .isInstanceOf(RuntimeException.class);
        org.assertj.core.api.Assertions.assertThat(chats.findByUser(userId(1))).hasSize(1);
        // and no transaction was left open on the connection it went back to the pool with: nothing holds the chat table, so
        // a lock of it for writing is granted at once (it waited for ever when the failed statement's transaction stayed open)
        db.connection(connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("set session lock_wait_timeout = 5");
                try {
                    statement.execute("lock tables chat write");
                    statement.execute("unlock tables");
                } finally {
                    statement.execute("set session lock_wait_timeout = default");
                }
            }
        });
        org.assertj.core.api.Assertions.assertThat(((Number) db.fetchValue("select sum(messages) from usage_count where role = 'user'"))
                .longValue()).isEqualTo(1L);
        // every connection of the pool is still clean: new chats go on being stored
        for (int i = 0; i < 6; i++) {
            chats.createWithFirstMessage(userId(2), "t" + i, "gpt-4o-mini", new uz.suhbat.domain.limit.MessageLimit(5), "q" + i,
                    Instant.parse("2026-11-30T07:42:00Z"));
        }
        org.assertj.core.api.Assertions.assertThat(chats.findByUser(userId(2))).hasSize(6);
    }

    /**
     * A statement that fails after others of the new chat's query have run (the chat and its question inserted, then the
     * statistics counter's insert waits for a lock held elsewhere until the lock wait times out): the server runs none after
     * it, the query's {@code commit} among them, and leaves the transaction open; the repository rolls it back, so nothing
     * of the chat stays, no lock is held, and the connection stores the next chat. (Hikari, the pool here and in bootstrap,
     * would also roll back a connection given back with statements run since its last commit: checked by hand, the test
     * passes without the repository's rollback too. That rollback is for a pool that does not.)
     */
    @org.junit.jupiter.api.Test
    void aNewChatWhoseQueryFailsHalfWayLeavesNothingAndNoOpenTransaction() throws Exception {
        emptyRepository();
        DSLContext db = TestDatabase.dsl();
        try (com.zaxxer.hikari.HikariDataSource pool = TestDatabase.transactionConnections("set session innodb_lock_wait_timeout = 1")) {
            ChatRepository chats = new JooqChatRepository(db, PersistenceConfiguration.transactional(db, pool), true);
            Instant at = Instant.parse("2026-11-30T08:00:00Z");
            db.connection(holder -> {
                holder.setAutoCommit(false);
                try (java.sql.Statement statement = holder.createStatement()) {
                    // no counter row of that day yet: the lock covers the gap where the new chat's counter would go
                    statement.executeQuery("select * from usage_count where day = '2026-11-30' for update").close();
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> chats.createClaimedWithFirstMessage(userId(1), "t",
                                    "gpt-4o-mini", new uz.suhbat.domain.limit.MessageLimit(5), "savol", at, "owner"))
                            .isInstanceOf(RuntimeException.class)
                            .hasStackTraceContaining("Lock wait timeout");
                } finally {
                    holder.rollback();
                    holder.setAutoCommit(true);
                }
            });
            org.assertj.core.api.Assertions.assertThat(db.fetchValue("select count(*) from chat")).isEqualTo(0L);
            org.assertj.core.api.Assertions.assertThat(db.fetchValue("select count(*) from chat_history")).isEqualTo(0L);
            // the failed chat's transaction would hold its chat and question, written before the counter's statement failed;
            // other transactions may come and go meanwhile (InnoDB's own, thread id 0, or a read view of no rows), so only a
            // client's that wrote or locked rows counts; every one of them is printed should the assertion fail
            var all = db.fetch("select trx_id, trx_state, trx_started, trx_mysql_thread_id, trx_query, trx_rows_locked,"
                    + " trx_rows_modified, trx_is_read_only from information_schema.innodb_trx");
            org.assertj.core.api.Assertions.assertThat(all)
                    .filteredOn(trx -> trx.get("trx_mysql_thread_id", Long.class) != 0
                            && (trx.get("trx_rows_modified", Long.class) > 0 || trx.get("trx_rows_locked", Long.class) > 0))
                    .as("no transaction left open:%n%s", all.format()).isEmpty();
            long id = chats.createClaimedWithFirstMessage(userId(1), "t", "gpt-4o-mini", new uz.suhbat.domain.limit.MessageLimit(5),
                    "savol", at, "owner").started().chat().id();
            org.assertj.core.api.Assertions.assertThat(db.fetchValue("select count(*) from chat_history where chat_id = ?", id)).isEqualTo(1L);
            org.assertj.core.api.Assertions.assertThat(((Number) db.fetchValue("select sum(messages) from usage_count")).longValue()).isEqualTo(1L);
        }
    }

    /** The same as JooqChatRepositoryTest's, with a new chat stored in one round trip. */
    @org.junit.jupiter.api.Test
    void theAdminsUsersPageCountsEveryQuestionAUserWrites() {
        ChatRepository chats = emptyRepository();
        UserMessageCountCheck.check(chats, TestDatabase.dsl(), userId(1), userId(2));
    }

    /** The COMMIT statements the pool's one session has run (its own status, not the server's: other sessions don't count). */
    private static long commits(javax.sql.DataSource one) throws java.sql.SQLException {
        try (java.sql.Connection connection = one.getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet status = statement.executeQuery("show session status like 'Com_commit'")) {
            status.next();
            return status.getLong(2);
        }
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

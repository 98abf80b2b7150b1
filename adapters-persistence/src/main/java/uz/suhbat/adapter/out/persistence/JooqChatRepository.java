package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;
import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.MESSAGE_SOURCE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uz.suhbat.adapter.out.persistence.schema.tables.records.ChatRecord;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.MessageNode;
import uz.suhbat.domain.chat.MessageTree;
import uz.suhbat.domain.chat.MessageStatus;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.limit.MessageLimit;

/**
 * Chats in {@code chat}, messages in {@code chat_history}, cited passages in {@code message_source}. A message's
 * {@code rank} numbers it within its chat in the order written; {@code parent_rank}, {@code chosen} and {@code on_branch}
 * place it in the chat's tree of versions and branches (domain {@link MessageTree}, migration V80). Every change of
 * the tree runs with the chat's row locked and sets {@code on_branch} again from the tree.
 */
final class JooqChatRepository implements ChatRepository {

    private final DSLContext db;
    /** Where the write transactions run: see {@link TransactionConnections}. */
    private final DSLContext transactions;
    private final boolean severalStatementsAtOnce;

    JooqChatRepository(DSLContext db) {
        this(db, db);
    }

    JooqChatRepository(DSLContext db, DSLContext transactions) {
        this(db, transactions, false);
    }

    /**
     * @param severalStatementsAtOnce whether the connections of {@code transactions} take several statements in one round trip
     *                                ({@link TransactionConnections}: {@code allowMultiQueries}); a new chat is then stored in
     *                                one round trip and its commit
     */
    JooqChatRepository(DSLContext db, DSLContext transactions, boolean severalStatementsAtOnce) {
        this.db = db;
        this.transactions = transactions;
        this.severalStatementsAtOnce = severalStatementsAtOnce;
    }

    private static long insertChat(DSLContext t, long userId, String title, String model, int messageLimit, int used, Instant now) {
        return insertChat(t, userId, title, model, messageLimit, used, now, null);
    }

    /** {@code answeringBy}: the claim of its first answer (JooqAnswerGuard), or null. */
    private static long insertChat(DSLContext t, long userId, String title, String model, int messageLimit, int used, Instant now,
                                   String answeringBy) {
        return t.insertInto(CHAT)
                .set(CHAT.ANSWERING_BY, answeringBy)
                .set(CHAT.ANSWERING_SINCE, answeringBy == null ? null : Times.toDb(now))
                .set(CHAT.USER_ID, userId)
                .set(CHAT.TITLE, title)
                .set(CHAT.MODEL, model)
                .set(CHAT.MESSAGE_LIMIT, messageLimit)
                .set(CHAT.USED, used)
                .set(CHAT.DATE, Times.toDb(now))
                .set(CHAT.UPDATED, Times.toDb(now))
                .returningResult(CHAT.ID)
                .fetchOne(CHAT.ID);
    }

    @Override
    public StartedChat createWithFirstMessage(long userId, String title, String model, MessageLimit limit, String content, Instant now) {
        return create(userId, title, model, limit, content, now, null);
    }

    @Override
    public ClaimedStart createClaimedWithFirstMessage(long userId, String title, String model, MessageLimit limit, String content,
                                                      Instant now, String answeringBy) {
        // the claim lives in the chat's row (JooqAnswerGuard): set by the insert, as the guard's claim would set it
        return new ClaimedStart(create(userId, title, model, limit, content, now, answeringBy), true);
    }

    private StartedChat create(long userId, String title, String model, MessageLimit limit, String content, Instant now, String answeringBy) {
        if (severalStatementsAtOnce) {
            return createAtOnce(userId, title, model, limit, content, now, answeringBy);
        }
        return transactions.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            long id = insertChat(t, userId, title, model, limit.value(), 1, now, answeringBy);
            t.insertInto(CHAT_HISTORY)
                    .set(CHAT_HISTORY.CHAT_ID, id)
                    .set(CHAT_HISTORY.ROLE, Role.USER.wireName())
                    .set(CHAT_HISTORY.CONTENT, content)
                    .set(CHAT_HISTORY.DATE, Times.toDb(now))
                    .set(CHAT_HISTORY.RANK, 1)
                    .set(CHAT_HISTORY.STATUS, MessageStatus.COMPLETE.wireName())
                    .set(CHAT_HISTORY.MODEL, model)
                    .execute();
            UsageCounts.writer(t, id, Times.toDb(now));
            UsageCounts.add(t, id, Role.USER.wireName(), model, Times.toDb(now), 1, 0, 0);
            UsageCounts.questionOf(t, userId).execute();
            Instant stored = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            return new StartedChat(new Chat(id, userId, title, model, stored, stored, limit, 1, null),
                    new Message(1, Role.USER, content, stored, MessageStatus.COMPLETE, model, 0, 0, List.of()));
        });
    }

    /**
     * {@link #create} in one round trip, its commit included (every new chat waits for it before its first token): the chat,
     * its question and the two statistics counters, as {@link UsageCounts#writer} and {@link UsageCounts#add} write them, sent
     * as one multi-statement query with the chat's new id kept in a session variable, the id read back, then {@code commit},
     * all in the same trip.
     * <p>
     * The commit is a statement of the query, not a call of the driver: the connection (autocommit off) is used without jOOQ's
     * transaction, so nothing sends a second {@code COMMIT}. Should a statement fail, the server runs none after it (the
     * {@code commit} among them) and its transaction stays open: it is rolled back here, by a {@code rollback} the driver always
     * sends ({@code useLocalTransactionState} is off, so it never trusts a stale "no transaction open"), before the connection
     * goes back to the pool. After a commit the connection goes back to the pool on a virtual thread of its own: the pool
     * resets it there (a {@code rollback} of the nothing left, one round trip) while the chat's first token leaves.
     */
    private StartedChat createAtOnce(long userId, String title, String model, MessageLimit limit, String content, Instant now,
                                     String answeringBy) {
        org.jooq.ConnectionProvider connections = transactions.configuration().connectionProvider();
        java.sql.Connection connection = connections.acquire();
        boolean committed = false;
        try {
            DSLContext t = DSL.using(transactions.configuration().derive(new org.jooq.impl.DefaultConnectionProvider(connection)));
            LocalDateTime at = Times.toDb(now);
            Object[] inputs = {answeringBy, at, userId, title, model, limit.value(), content, at.toLocalDate()};
            NewChatStatement statement = answeringBy == null ? null : newChatStatement(t);
            String sql;
            Object[] binds;
            if (statement != null) {
                sql = statement.sql();
                binds = statement.bind(inputs);
            } else {
                Rendered rendered = renderNewChat(t, inputs);
                sql = rendered.sql();
                binds = rendered.binds().toArray();
            }
            org.jooq.Results results = t.fetchMany(sql, binds);
            committed = true;
            long id = results.get(results.size() - 1).get(0).get(0, Long.class);
            Instant stored = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            return new StartedChat(new Chat(id, userId, title, model, stored, stored, limit, 1, null),
                    new Message(1, Role.USER, content, stored, MessageStatus.COMPLETE, model, 0, 0, List.of()));
        } catch (RuntimeException | Error e) {
            rollBack(connection, e);
            throw e;
        } finally {
            if (committed) {
                Thread.ofVirtual().name("new-chat-connection-release").start(() -> connections.release(connection));
            } else {
                connections.release(connection);
            }
        }
    }

    /** Ends the transaction a failed multi-statement query left open; a connection that cannot is one the pool drops. */
    private static void rollBack(java.sql.Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (java.sql.SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private record Rendered(String sql, List<Object> binds) {
    }

    /**
     * The multi-statement SQL of a claimed new chat (the hot path: every new chat) and where each of its bound values comes from:
     * {@code from[i]} is the index of the input ({@link #renderNewChat}'s order) bound at position i, or -1 for a constant, which
     * {@code constants[i]} holds. Rendered once instead of at every new chat.
     */
    private record NewChatStatement(String sql, int[] from, Object[] constants) {

        Object[] bind(Object[] inputs) {
            Object[] binds = constants.clone();
            for (int i = 0; i < from.length; i++) {
                if (from[i] >= 0) {
                    binds[i] = inputs[from[i]];
                }
            }
            return binds;
        }
    }

    private volatile Optional<NewChatStatement> newChatStatement;

    /** Whether the claimed new chat's statement was rendered and kept (for tests: it is, once a claimed chat was stored). */
    boolean keepsNewChatStatement() {
        Optional<NewChatStatement> known = newChatStatement;
        return known != null && known.isPresent();
    }

    /**
     * The claimed new chat's statement, rendered at the first new chat: twice, with two sets of stand-in values, so that every
     * bound value is known to be either one of the inputs or a constant; should one be neither (a value derived from an input
     * some other way), nothing is kept and every new chat renders its statement as before.
     */
    private NewChatStatement newChatStatement(DSLContext t) {
        Optional<NewChatStatement> known = newChatStatement;
        if (known == null) {
            LocalDateTime atA = LocalDateTime.of(1111, 1, 11, 11, 11, 11);
            LocalDateTime atB = LocalDateTime.of(1313, 3, 13, 13, 13, 13);
            // in createAtOnce's order; the day is the date of the time
            Object[] a = {"\u0001owner-a", atA, -1_111_111L, "\u0001title-a", "\u0001model-a", -1_111, "\u0001content-a", atA.toLocalDate()};
            Object[] b = {"\u0001owner-b", atB, -1_313_131L, "\u0001title-b", "\u0001model-b", -1_313, "\u0001content-b", atB.toLocalDate()};
            Rendered ra = renderNewChat(t, a);
            Rendered rb = renderNewChat(t, b);
            known = Optional.empty();
            if (ra.sql().equals(rb.sql()) && ra.binds().size() == rb.binds().size()) {
                int n = ra.binds().size();
                int[] from = new int[n];
                Object[] constants = new Object[n];
                boolean all = true;
                for (int i = 0; i < n && all; i++) {
                    Object va = ra.binds().get(i);
                    Object vb = rb.binds().get(i);
                    from[i] = -1;
                    for (int k = 0; k < a.length; k++) {
                        if (a[k].equals(va) && b[k].equals(vb)) {
                            from[i] = k;
                        }
                    }
                    if (from[i] < 0) {
                        constants[i] = va;
                        all = java.util.Objects.equals(va, vb);
                    }
                }
                if (all) {
                    known = Optional.of(new NewChatStatement(ra.sql(), from, constants));
                }
            }
            newChatStatement = known;
        }
        return known.orElse(null);
    }

    /**
     * The new chat's statements as one query: {@code inputs} = the claim's owner (or null), the time, the user, the title, the
     * model, the limit, the question, the day (the time's date).
     */
    private static Rendered renderNewChat(DSLContext t, Object[] inputs) {
        String answeringBy = (String) inputs[0];
        LocalDateTime at = (LocalDateTime) inputs[1];
        long userId = (Long) inputs[2];
        org.jooq.Field<Long> newChat = DSL.field("@suhbat_new_chat", Long.class);
        List<org.jooq.Query> queries = List.of(
                t.insertInto(CHAT)
                        .set(CHAT.ANSWERING_BY, answeringBy)
                        .set(CHAT.ANSWERING_SINCE, answeringBy == null ? null : at)
                        .set(CHAT.USER_ID, userId)
                        .set(CHAT.TITLE, (String) inputs[3])
                        .set(CHAT.MODEL, (String) inputs[4])
                        .set(CHAT.MESSAGE_LIMIT, (Integer) inputs[5])
                        .set(CHAT.USED, 1)
                        .set(CHAT.DATE, at)
                        .set(CHAT.UPDATED, at),
                t.query("set @suhbat_new_chat = last_insert_id()"),
                t.insertInto(CHAT_HISTORY)
                        .set(CHAT_HISTORY.CHAT_ID, newChat)
                        .set(CHAT_HISTORY.ROLE, Role.USER.wireName())
                        .set(CHAT_HISTORY.CONTENT, (String) inputs[6])
                        .set(CHAT_HISTORY.DATE, at)
                        .set(CHAT_HISTORY.RANK, 1)
                        .set(CHAT_HISTORY.STATUS, MessageStatus.COMPLETE.wireName())
                        .set(CHAT_HISTORY.MODEL, (String) inputs[4]),
                UsageCounts.writerOf(t, userId, at),
                UsageCounts.addQuestionOfNewChat(t, at),
                UsageCounts.questionOf(t, userId));
        StringBuilder sql = new StringBuilder();
        List<Object> binds = new ArrayList<>();
        for (org.jooq.Query query : queries) {
            sql.append(t.render(query)).append(";\n");
            binds.addAll(t.extractBindValues(query));
        }
        // the id read before the commit, inside the transaction; the commit is the query's last statement
        sql.append("select @suhbat_new_chat;\ncommit");
        return new Rendered(sql.toString(), binds);
    }

    @Override
    public Optional<Chat> find(long chatId) {
        return db.selectFrom(CHAT).where(CHAT.ID.eq(chatId)).fetchOptional().map(JooqChatRepository::toChat);
    }

    @Override
    public List<Chat> findByUser(long userId) {
        return db.selectFrom(CHAT).where(CHAT.USER_ID.eq(userId)).orderBy(CHAT.UPDATED.desc(), CHAT.ID.desc())
                .fetch(JooqChatRepository::toChat);
    }

    @Override
    public Optional<Message> appendUserMessage(long chatId, int parentRank, String content, String model, Instant now) {
        return transactions.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            // the conditional update takes the chat's row lock: of concurrent sends at limit−1, one wins. Its condition
            // is Chat.takesMessage() in SQL (open, and below the limit), so that the check and the count are one step
            int counted = t.update(CHAT)
                    .set(CHAT.USED, CHAT.USED.plus(1))
                    .set(CHAT.UPDATED, Times.toDb(now))
                    .where(CHAT.ID.eq(chatId), CHAT.USED.lt(CHAT.MESSAGE_LIMIT), CHAT.CLOSED_REASON.isNull())
                    .execute();
            if (counted == 0) {
                return Optional.empty();
            }
            return Optional.of(insert(t, chatId, parentRank, Role.USER, content, MessageStatus.COMPLETE, model, 0, 0, List.of(), now));
        });
    }

    @Override
    public boolean countAnswerAgain(long chatId, Instant now) {
        return db.update(CHAT)
                .set(CHAT.USED, CHAT.USED.plus(1))
                .set(CHAT.UPDATED, Times.toDb(now))
                .where(CHAT.ID.eq(chatId), CHAT.USED.lt(CHAT.MESSAGE_LIMIT), CHAT.CLOSED_REASON.isNull())
                .execute() == 1;
    }

    @Override
    public Message appendAssistantMessage(long chatId, int parentRank, String content, MessageStatus status, String model,
                                          int inputTokens, int outputTokens, List<Message.Source> sources, Instant now) {
        return transactions.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            t.update(CHAT).set(CHAT.UPDATED, Times.toDb(now)).where(CHAT.ID.eq(chatId)).execute();
            if (parentRank != 0) {
                Optional<Message> extending = extendBranch(t, chatId, parentRank, content, status, model, inputTokens, outputTokens, sources, now);
                if (extending.isPresent()) {
                    return extending.get();
                }
            }
            return insert(t, chatId, parentRank, Role.ASSISTANT, content, status, model, inputTokens, outputTokens, sources, now);
        });
    }

    /**
     * The usual answer: to the last message of the active branch, which has no answer yet. It then extends the active
     * branch (chosen, on it) and no other row changes, so neither the versions' {@code chosen} nor every row's
     * {@code on_branch} is written again: one plain read of the chat's next rank and of the question's place, then a plain
     * insert (five round trips with the chat's update, the count and the commit, not eight). Empty, with nothing written,
     * when the question has an answer already or is off the active branch: {@link #insert} does that.
     * <p>
     * Call with the chat's row locked (every change of a chat's tree locks it first), so that the read sees the tree as it
     * stays until the commit. The read is a plain {@code SELECT}: a consistent read without locks, made after the lock was
     * taken. Not an {@code INSERT … SELECT}: under REPEATABLE READ that reads with shared next-key locks, which held the gap
     * at the end of {@code chat_history}'s index and made new chats' inserts wait and deadlock (docs/benchmarks.md,
     * "Session 6: CPU per chat under sustained load", last paragraph).
     */
    private static Optional<Message> extendBranch(DSLContext t, long chatId, int parentRank, String content, MessageStatus status,
                                                  String model, int inputTokens, int outputTokens, List<Message.Source> sources, Instant now) {
        var place = t.select(DSL.coalesce(DSL.max(CHAT_HISTORY.RANK), 0).plus(1),
                        DSL.count().filterWhere(CHAT_HISTORY.PARENT_RANK.eq(parentRank)),
                        DSL.count().filterWhere(CHAT_HISTORY.RANK.eq(parentRank).and(CHAT_HISTORY.ON_BRANCH.isTrue())))
                .from(CHAT_HISTORY).where(CHAT_HISTORY.CHAT_ID.eq(chatId)).fetchOne();
        if (place == null || place.value2() != 0 || place.value3() != 1) {
            return Optional.empty();
        }
        int rank = place.value1();
        LocalDateTime at = Times.toDb(now);
        Long id = t.insertInto(CHAT_HISTORY)
                .set(CHAT_HISTORY.PARENT_RANK, parentRank)
                .set(CHAT_HISTORY.CHOSEN, true)
                .set(CHAT_HISTORY.ON_BRANCH, true)
                .set(CHAT_HISTORY.CHAT_ID, chatId)
                .set(CHAT_HISTORY.ROLE, Role.ASSISTANT.wireName())
                .set(CHAT_HISTORY.CONTENT, content)
                .set(CHAT_HISTORY.DATE, at)
                .set(CHAT_HISTORY.RANK, rank)
                .set(CHAT_HISTORY.STATUS, status.wireName())
                .set(CHAT_HISTORY.MODEL, model)
                .set(CHAT_HISTORY.INPUT_TOKENS, inputTokens)
                .set(CHAT_HISTORY.OUTPUT_TOKENS, outputTokens)
                .returningResult(CHAT_HISTORY.ID)
                .fetchOne(CHAT_HISTORY.ID);
        insertSources(t, id, sources);
        UsageCounts.add(t, chatId, Role.ASSISTANT.wireName(), model, at, 1, inputTokens, outputTokens);
        return Optional.of(new Message(rank, Role.ASSISTANT, content, now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), status, model,
                inputTokens, outputTokens, sources));
    }

    private static void insertSources(DSLContext t, Long chatHistoryId, List<Message.Source> sources) {
        for (Message.Source source : sources) {
            t.insertInto(MESSAGE_SOURCE)
                    .set(MESSAGE_SOURCE.CHAT_HISTORY_ID, chatHistoryId)
                    .set(MESSAGE_SOURCE.MODEL_ID, source.modelId() == 0 ? null : source.modelId())
                    .set(MESSAGE_SOURCE.PAGE, source.page())
                    .set(MESSAGE_SOURCE.TEXT, source.text())
                    .execute();
        }
    }

    @Override
    public boolean updateAssistantMessage(long chatId, int rank, String content, MessageStatus status, int inputTokens, int outputTokens,
                                          Instant now) {
        // one statement on the (chat_id, rank) key, no transaction around it: an answer's text saved while it streams. It
        // applies only when what the statistics count does not change (the same tokens, the same day); otherwise the
        // counts move with the row in one transaction (the final write with its tokens, or a save after midnight)
        LocalDateTime at = Times.toDb(now);
        LocalDateTime day = at.toLocalDate().atStartOfDay();
        var sameCounts = db.update(CHAT_HISTORY)
                .set(CHAT_HISTORY.CONTENT, content)
                .set(CHAT_HISTORY.STATUS, status.wireName())
                .set(CHAT_HISTORY.DATE, at)
                .where(CHAT_HISTORY.CHAT_ID.eq(chatId), CHAT_HISTORY.RANK.eq(rank), CHAT_HISTORY.ROLE.eq(Role.ASSISTANT.wireName()),
                        DSL.coalesce(CHAT_HISTORY.INPUT_TOKENS, 0).eq(inputTokens), DSL.coalesce(CHAT_HISTORY.OUTPUT_TOKENS, 0).eq(outputTokens),
                        CHAT_HISTORY.DATE.ge(day), CHAT_HISTORY.DATE.lt(day.plusDays(1)));
        if (inputTokens == 0 && outputTokens == 0 && sameCounts.execute() == 1) {
            return true;
        }
        if (inputTokens != 0 || outputTokens != 0) {
            // the final write of an answer saved while it streamed: its row has no tokens yet and is of today, so the day's
            // count only gains the tokens; the row and its count in one transaction (3 round trips, not 6)
            boolean tokensOnly = transactions.transactionResult(tx -> {
                DSLContext t = tx.dsl();
                int updated = t.update(CHAT_HISTORY)
                        .set(CHAT_HISTORY.CONTENT, content)
                        .set(CHAT_HISTORY.STATUS, status.wireName())
                        .set(CHAT_HISTORY.INPUT_TOKENS, inputTokens)
                        .set(CHAT_HISTORY.OUTPUT_TOKENS, outputTokens)
                        .set(CHAT_HISTORY.DATE, at)
                        .where(CHAT_HISTORY.CHAT_ID.eq(chatId), CHAT_HISTORY.RANK.eq(rank), CHAT_HISTORY.ROLE.eq(Role.ASSISTANT.wireName()),
                                DSL.coalesce(CHAT_HISTORY.INPUT_TOKENS, 0).eq(0), DSL.coalesce(CHAT_HISTORY.OUTPUT_TOKENS, 0).eq(0),
                                CHAT_HISTORY.DATE.ge(day), CHAT_HISTORY.DATE.lt(day.plusDays(1)))
                        .execute();
                if (updated == 1) {
                    UsageCounts.addAnswerTokens(t, chatId, rank, at, inputTokens, outputTokens);
                }
                return updated == 1;
            });
            if (tokensOnly) {
                return true;
            }
        }
        return transactions.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            var old = t.select(CHAT_HISTORY.DATE, CHAT_HISTORY.MODEL, CHAT_HISTORY.INPUT_TOKENS, CHAT_HISTORY.OUTPUT_TOKENS)
                    .from(CHAT_HISTORY)
                    .where(CHAT_HISTORY.CHAT_ID.eq(chatId), CHAT_HISTORY.RANK.eq(rank), CHAT_HISTORY.ROLE.eq(Role.ASSISTANT.wireName()))
                    .forUpdate().fetchOptional();
            if (old.isEmpty()) {
                return false;
            }
            t.update(CHAT_HISTORY)
                    .set(CHAT_HISTORY.CONTENT, content)
                    .set(CHAT_HISTORY.STATUS, status.wireName())
                    .set(CHAT_HISTORY.INPUT_TOKENS, inputTokens)
                    .set(CHAT_HISTORY.OUTPUT_TOKENS, outputTokens)
                    .set(CHAT_HISTORY.DATE, at)
                    .where(CHAT_HISTORY.CHAT_ID.eq(chatId), CHAT_HISTORY.RANK.eq(rank), CHAT_HISTORY.ROLE.eq(Role.ASSISTANT.wireName()))
                    .execute();
            var was = old.get();
            UsageCounts.add(t, chatId, Role.ASSISTANT.wireName(), was.value2(), was.value1(), -1,
                    -orZero(was.value3()), -orZero(was.value4()));
            UsageCounts.add(t, chatId, Role.ASSISTANT.wireName(), was.value2(), at, 1, inputTokens, outputTokens);
            return true;
        });
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }

    @Override
    public void saveAnswersSoFar(List<AnswerSoFar> answers) {
        if (answers.isEmpty()) {
            return;
        }
        // one prepared statement, its bindings sent together (rewriteBatchedStatements), one commit for all of them
        transactions.transaction(tx -> {
            var update = tx.dsl().update(CHAT_HISTORY)
                    .set(CHAT_HISTORY.CONTENT, (String) null)
                    .set(CHAT_HISTORY.DATE, (java.time.LocalDateTime) null)
                    .where(CHAT_HISTORY.CHAT_ID.eq((Long) null), CHAT_HISTORY.RANK.eq((Integer) null),
                            CHAT_HISTORY.ROLE.eq(DSL.inline(Role.ASSISTANT.wireName())),
                            CHAT_HISTORY.STATUS.eq(DSL.inline(MessageStatus.INTERRUPTED.wireName())),
                            DSL.charLength(CHAT_HISTORY.CONTENT).lt((Integer) null));
            var batch = tx.dsl().batch(update);
            for (AnswerSoFar a : answers) {
                batch = batch.bind(a.content(), Times.toDb(a.now()), a.chatId(), a.rank(), a.content().length());
            }
            batch.execute();
        });
    }

    /**
     * Called with the chat's row locked, so the next rank is free. The new message is the chosen version among the
     * messages following {@code parentRank}, and the active branch is set again.
     */
    private static Message insert(DSLContext t, long chatId, int parentRank, Role role, String content, MessageStatus status,
                                  String model, int inputTokens, int outputTokens, List<Message.Source> sources, Instant now) {
        int rank = t.select(DSL.coalesce(DSL.max(CHAT_HISTORY.RANK), 0).plus(1)).from(CHAT_HISTORY)
                .where(CHAT_HISTORY.CHAT_ID.eq(chatId)).fetchOne(0, int.class);
        t.update(CHAT_HISTORY).set(CHAT_HISTORY.CHOSEN, false).where(CHAT_HISTORY.CHAT_ID.eq(chatId), ChatBranches.following(parentRank)).execute();
        Long id = t.insertInto(CHAT_HISTORY)
                .set(CHAT_HISTORY.PARENT_RANK, parentRank == 0 ? null : parentRank)
                .set(CHAT_HISTORY.CHOSEN, true)
                .set(CHAT_HISTORY.CHAT_ID, chatId)
                .set(CHAT_HISTORY.ROLE, role.wireName())
                .set(CHAT_HISTORY.CONTENT, content)
                .set(CHAT_HISTORY.DATE, Times.toDb(now))
                .set(CHAT_HISTORY.RANK, rank)
                .set(CHAT_HISTORY.STATUS, status.wireName())
                .set(CHAT_HISTORY.MODEL, model)
                .set(CHAT_HISTORY.INPUT_TOKENS, role == Role.ASSISTANT ? inputTokens : null)
                .set(CHAT_HISTORY.OUTPUT_TOKENS, role == Role.ASSISTANT ? outputTokens : null)
                .returningResult(CHAT_HISTORY.ID)
                .fetchOne(CHAT_HISTORY.ID);
        insertSources(t, id, sources);
        ChatBranches.markBranch(t, chatId);
        if (role == Role.USER) {
            UsageCounts.writer(t, chatId, Times.toDb(now));
        }
        UsageCounts.add(t, chatId, role.wireName(), model, Times.toDb(now), 1, role == Role.ASSISTANT ? inputTokens : 0,
                role == Role.ASSISTANT ? outputTokens : 0);
        if (role == Role.USER) {
            UsageCounts.question(t, chatId);
        }
        return new Message(rank, role, content, now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), status, model,
                inputTokens, outputTokens, sources);
    }

    private static void lock(DSLContext t, long chatId) {
        t.select(CHAT.ID).from(CHAT).where(CHAT.ID.eq(chatId)).forUpdate().fetch();
    }

    @Override
    public boolean choose(long chatId, int rank) {
        return transactions.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            lock(t, chatId);
            Optional<Integer> parent = ChatBranches.shape(t, chatId).parentOf(rank);
            if (parent.isEmpty()) {
                return false;
            }
            t.update(CHAT_HISTORY).set(CHAT_HISTORY.CHOSEN, CHAT_HISTORY.RANK.eq(rank))
                    .where(CHAT_HISTORY.CHAT_ID.eq(chatId), ChatBranches.following(parent.get())).execute();
            ChatBranches.markBranch(t, chatId);
            return true;
        });
    }

    @Override
    public boolean removeUnanswered(long chatId, int rank) {
        return transactions.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            lock(t, chatId);
            MessageTree tree = ChatBranches.shape(t, chatId);
            if (!tree.removable(rank)) {
                return false;
            }
            int parent = tree.parentOf(rank).orElseThrow();
            List<Integer> others = tree.versionsOf(rank).stream().filter(r -> r != rank).toList();
            var removed = t.select(CHAT_HISTORY.ROLE, CHAT_HISTORY.MODEL, CHAT_HISTORY.DATE, CHAT_HISTORY.INPUT_TOKENS, CHAT_HISTORY.OUTPUT_TOKENS)
                    .from(CHAT_HISTORY).where(CHAT_HISTORY.CHAT_ID.eq(chatId), CHAT_HISTORY.RANK.eq(rank)).fetchOptional();
            t.deleteFrom(CHAT_HISTORY).where(CHAT_HISTORY.CHAT_ID.eq(chatId), CHAT_HISTORY.RANK.eq(rank)).execute();
            // the statistics count what the chats hold: a removed question leaves the day's count (not its writer)
            removed.ifPresent(r -> {
                UsageCounts.add(t, chatId, r.value1(), r.value2(), r.value3(), -1, -orZero(r.value4()), -orZero(r.value5()));
                if (Role.USER.wireName().equals(r.value1())) {
                    UsageCounts.questionRemoved(t, chatId);
                }
            });
            if (!others.isEmpty()) {
                t.update(CHAT_HISTORY).set(CHAT_HISTORY.CHOSEN, true)
                        .where(CHAT_HISTORY.CHAT_ID.eq(chatId), CHAT_HISTORY.RANK.eq(others.get(others.size() - 1))).execute();
            }
            ChatBranches.markBranch(t, chatId);
            return true;
        });
    }

    @Override
    public List<Message> messages(long chatId) {
        return read(chatId, true).stream().map(MessageNode::message).toList();
    }

    @Override
    public List<MessageNode> tree(long chatId) {
        return read(chatId, false);
    }

    private List<MessageNode> read(long chatId, boolean onlyActiveBranch) {
        // one round trip: messages with their (rare) cited passages
        var rows = db.select(CHAT_HISTORY.ID, CHAT_HISTORY.RANK, CHAT_HISTORY.ROLE, CHAT_HISTORY.CONTENT, CHAT_HISTORY.DATE,
                        CHAT_HISTORY.STATUS, CHAT_HISTORY.MODEL, CHAT_HISTORY.INPUT_TOKENS, CHAT_HISTORY.OUTPUT_TOKENS,
                        CHAT_HISTORY.PARENT_RANK, CHAT_HISTORY.CHOSEN,
                        MESSAGE_SOURCE.MODEL_ID, MESSAGE_SOURCE.PAGE, MESSAGE_SOURCE.TEXT)
                .from(CHAT_HISTORY).leftJoin(MESSAGE_SOURCE).on(MESSAGE_SOURCE.CHAT_HISTORY_ID.eq(CHAT_HISTORY.ID))
                .where(CHAT_HISTORY.CHAT_ID.eq(chatId), onlyActiveBranch ? CHAT_HISTORY.ON_BRANCH.isTrue() : DSL.noCondition())
                .orderBy(CHAT_HISTORY.RANK, MESSAGE_SOURCE.ID)
                .fetch();
        Map<Long, List<Message.Source>> sources = new java.util.HashMap<>();
        Map<Long, org.jooq.Record> firstRow = new java.util.LinkedHashMap<>();
        for (var r : rows) {
            firstRow.putIfAbsent(r.get(CHAT_HISTORY.ID), r);
            if (r.get(MESSAGE_SOURCE.PAGE) != null) {
                sources.computeIfAbsent(r.get(CHAT_HISTORY.ID), k -> new ArrayList<>())
                        .add(new Message.Source(r.get(MESSAGE_SOURCE.MODEL_ID) == null ? 0 : r.get(MESSAGE_SOURCE.MODEL_ID),
                                r.get(MESSAGE_SOURCE.PAGE), r.get(MESSAGE_SOURCE.TEXT)));
            }
        }
        return firstRow.entrySet().stream().map(e -> {
            org.jooq.Record r = e.getValue();
            Message message = new Message(r.get(CHAT_HISTORY.RANK), Role.fromWireName(r.get(CHAT_HISTORY.ROLE)), r.get(CHAT_HISTORY.CONTENT),
                    Times.fromDb(r.get(CHAT_HISTORY.DATE)), MessageStatus.fromWireName(r.get(CHAT_HISTORY.STATUS)), r.get(CHAT_HISTORY.MODEL),
                    zeroIfNull(r.get(CHAT_HISTORY.INPUT_TOKENS)), zeroIfNull(r.get(CHAT_HISTORY.OUTPUT_TOKENS)),
                    sources.getOrDefault(e.getKey(), List.of()));
            return new MessageNode(message, zeroIfNull(r.get(CHAT_HISTORY.PARENT_RANK)), r.get(CHAT_HISTORY.CHOSEN));
        }).toList();
    }

    @Override
    public void rename(long chatId, String title) {
        db.update(CHAT).set(CHAT.TITLE, title).where(CHAT.ID.eq(chatId)).execute();
    }

    @Override
    public void changeModel(long chatId, String model) {
        db.update(CHAT).set(CHAT.MODEL, model).where(CHAT.ID.eq(chatId)).execute();
    }

    @Override
    public void close(long chatId, Chat.ClosedReason reason) {
        db.update(CHAT).set(CHAT.CLOSED_REASON, reason.wireName()).where(CHAT.ID.eq(chatId)).execute();
    }

    @Override
    public void closeAllWithModel(String model, Chat.ClosedReason reason) {
        db.update(CHAT).set(CHAT.CLOSED_REASON, reason.wireName()).where(CHAT.MODEL.eq(model)).execute();
    }

    @Override
    public void delete(long chatId) {
        db.deleteFrom(CHAT).where(CHAT.ID.eq(chatId)).execute();
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }

    private static Chat toChat(ChatRecord r) {
        Chat.ClosedReason closed = r.getClosedReason() == null ? null : Chat.ClosedReason.fromWireName(r.getClosedReason());
        return new Chat(r.getId(), r.getUserId(), r.getTitle(), r.getModel(), Times.fromDb(r.getDate()), Times.fromDb(r.getUpdated()),
                new MessageLimit(r.getMessageLimit()), r.getUsed(), closed);
    }
}

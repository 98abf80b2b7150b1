package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;
import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USAGE_DAY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USAGE_DAY_MODEL;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.admin.UsageStatsPort;
import uz.suhbat.domain.report.DailyUsage;
import uz.suhbat.domain.report.DateRange;
import uz.suhbat.domain.report.UsageTotals;

/**
 * The statistics roll-ups on the embedded MariaDB: what {@link JooqUsageStats} reads from
 * {@code usage_day} equals what the raw rows give ({@link UsageFromHistory}), whether the days were
 * rolled up on demand, by the V50 migration's back-fill, or by several nodes at once as a day closes.
 */
class JooqUsageRollupTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 11, 9);
    private static final List<String> MODELS = List.of("gpt-4o-mini", "gpt-4o", "o3");

    private DSLContext db;

    @BeforeEach
    void empty() {
        db = TestDatabase.emptied();
    }

    @Test
    void rolledUpDaysEqualTheRawComputationAndAreStoredOnce() {
        fill(db, new Random(18), FIRST, LAST, 12, 60);
        TickingClock clock = new TickingClock(LAST.atTime(12, 0));
        JooqUsageStats stats = new JooqUsageStats(db, clock);
        DateRange range = new DateRange(FIRST.minusDays(3), LAST);

        List<DailyUsage> first = stats.daily(range);
        assertThat(first).isEqualTo(raw(db, range)).hasSizeGreaterThan(20);
        // every closed day of the range has its row now, days without use too; today (LAST) has none
        assertThat(db.fetchCount(USAGE_DAY)).isEqualTo(range.days() - 1);
        assertThat(db.fetchCount(USAGE_DAY, USAGE_DAY.DAY.eq(LAST))).isZero();
        var storedDays = db.selectFrom(USAGE_DAY).orderBy(USAGE_DAY.DAY).fetch();
        var storedModels = db.selectFrom(USAGE_DAY_MODEL).orderBy(USAGE_DAY_MODEL.DAY, USAGE_DAY_MODEL.MODEL).fetch();

        // read again, and rolled up again: the same numbers, the same rows
        assertThat(stats.daily(range)).isEqualTo(first);
        stats.rolledUp(range.from(), LAST.minusDays(1));
        assertThat(db.selectFrom(USAGE_DAY).orderBy(USAGE_DAY.DAY).fetch()).isEqualTo(storedDays);
        assertThat(db.selectFrom(USAGE_DAY_MODEL).orderBy(USAGE_DAY_MODEL.DAY, USAGE_DAY_MODEL.MODEL).fetch()).isEqualTo(storedModels);

        // the stored per-model rows hold what the raw rows say, tokens included
        assertThat(storedModels).extracting(r -> r.getDay() + " " + r.getModel() + " " + r.getAnswers() + " " + r.getInputTokens()
                + " " + r.getOutputTokens()).containsExactlyElementsOf(rawByModel(db, range.from(), LAST.minusDays(1)));
        assertThat(stats.totals()).isEqualTo(rawTotals(db));
        assertThat(stats.usage(range)).isEqualTo(new UsageStatsPort.Usage(rawTotals(db), raw(db, range)));
    }

    @Test
    void oneViewGivesTheRawTotalsAndDaysWithTodayAndTheGraceMinutesOfYesterdayLive() {
        fill(db, new Random(21), FIRST, LAST, 10, 50);
        Rows rows = new Rows(db);
        long chat = rows.chat(rows.user("night", LAST.atTime(23, 0), true, false), "t", "o3", LAST.atTime(23, 50), 50, 0, null);
        rows.message(chat, 1, "user", "yarim tun", LAST.atTime(23, 59, 59), null, null, null);
        rows.message(chat, 2, "assistant", "javob", LAST.plusDays(1).atTime(0, 1), null, 11, 4);
        // thumbs up and down on a third of the answers, given when the answer came (the last ones in the open days)
        db.execute("insert into message_feedback (chat_history_id, chat_id, model, rating, date) "
                + "select id, chat_id, 'o3', if(id % 2 = 0, 1, -1), date from chat_history where role = 'assistant' and id % 3 <> 1");
        DateRange range = new DateRange(LAST.minusDays(9), LAST.plusDays(1));
        assertThat(new UsageFromHistory(db).days(range.from(), range.to()).values().stream().mapToLong(d -> d.feedbackUp() + d.feedbackDown())
                .sum()).isPositive();
        // 00:03 the next day: LAST is still open (grace), so two days are live
        JooqUsageStats stats = new JooqUsageStats(db, new TickingClock(LAST.plusDays(1).atTime(0, 3)));

        UsageStatsPort.Usage usage = stats.usage(range);

        assertThat(usage).isEqualTo(new UsageStatsPort.Usage(rawTotals(db), raw(db, range)));
        assertThat(usage.daily()).extracting(DailyUsage::date).contains(LAST, LAST.plusDays(1));
        assertThat(db.fetchCount(USAGE_DAY, USAGE_DAY.DAY.ge(LAST))).isZero();
        // a year answers the same way: every closed day stored, the open ones live
        DateRange year = new DateRange(LAST.minusDays(364), LAST.plusDays(1));
        assertThat(stats.usage(year)).isEqualTo(new UsageStatsPort.Usage(rawTotals(db), raw(db, year)));
        // the stored days keep the ratings as the raw rows give them
        assertThat(stats.rolledUp(LAST.minusDays(9), LAST.minusDays(1))).isEqualTo(new UsageFromHistory(db).days(LAST.minusDays(9), LAST.minusDays(1)));
    }

    @Test
    void totalsRollUpEveryClosedDayAndCountTodayLive() {
        fill(db, new Random(7), FIRST, LAST, 8, 30);
        JooqUsageStats stats = new JooqUsageStats(db, new TickingClock(LAST.atTime(9, 30)));

        assertThat(stats.totals()).isEqualTo(rawTotals(db));
        assertThat(db.fetchCount(USAGE_DAY)).isEqualTo((int) (LAST.toEpochDay() - firstDay(db).toEpochDay()));

        // a message written today counts at once
        Rows rows = new Rows(db);
        long chat = rows.chat(rows.user("late", LAST.atTime(9, 0), true, false), "t", "gpt-4o", LAST.atTime(9, 1), 50, 1, null);
        rows.message(chat, 1, "user", "hello", LAST.atTime(9, 2), null, null, null);
        assertThat(stats.totals()).isEqualTo(rawTotals(db));
    }

    @Test
    void theMigrationBackFillsEveryClosedDayWithTheRawNumbers() {
        try (HikariDataSource other = TestDatabase.otherDatabase("suhbat_backfill")) {
            // every migration before V50 (whichever versions other changes add below it), then rows, then the rest
            String beforeRollups = java.util.Arrays.stream(Flyway.configure().dataSource(other).locations("classpath:db/migration").load()
                            .info().all())
                    .map(m -> m.getVersion()).filter(v -> !v.isAtLeast("50")).max(java.util.Comparator.naturalOrder()).orElseThrow().getVersion();
            Flyway.configure().dataSource(other).locations("classpath:db/migration").target(beforeRollups).load().migrate();
            DSLContext before = DSL.using(other, SQLDialect.MYSQL);
            // written by the version before: nothing counted yet (V170 back-fills the counters)
            Rows rows = new Rows(before, false);
            fill(rows, new Random(50), FIRST, LAST, 10, 40);
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            long chat = rows.chat(rows.user("today", now, true, false), "t", "gpt-4o", now, 50, 1, null);
            rows.message(chat, 1, "user", "bugun", now, null, null, null);

            Flyway.configure().dataSource(other).locations("classpath:db/migration").load().migrate();

            DSLContext after = DSL.using(other, SQLDialect.MYSQL);
            // closed days from the first message to the last one, days without use included; not today
            assertThat(after.fetchCount(USAGE_DAY)).isEqualTo((int) (LAST.toEpochDay() - FIRST.toEpochDay() + 1));
            assertThat(after.fetchCount(USAGE_DAY, USAGE_DAY.DAY.ge(now.toLocalDate()))).isZero();
            TreeMapCheck.sameDays(new UsageFromHistory(after).days(FIRST, LAST),
                    new JooqUsageStats(after, Clock.systemUTC()).rolledUp(FIRST, LAST));
            // the counters (V170) hold what the raw rows say, every day, today's row included
            assertThat(UsageCounts.days(after, FIRST, now.toLocalDate())).isEqualTo(new UsageFromHistory(after).days(FIRST, now.toLocalDate()));
            assertThat(new JooqUsageStats(after, Clock.systemUTC()).totals()).isEqualTo(rawTotals(after));
            // each user's messages (V300) as the raw rows count them
            var counted = after.fetch("select user_id, messages from user_message_count order by user_id");
            assertThat(counted).hasSizeGreaterThan(1);
            assertThat(counted.intoMap(0, 1)).isEqualTo(after.fetch("select c.user_id, count(*) from chat_history h join chat c on c.id = h.chat_id "
                    + "where h.role = 'user' group by c.user_id order by c.user_id").intoMap(0, 1));
        }
    }

    @Test
    void aDayThatClosesWhileSeveralNodesReadAndWriteIsRolledUpOnceWithTheRawNumbers() throws Exception {
        fill(db, new Random(3), LAST.minusDays(6), LAST, 10, 40);
        DateRange range = new DateRange(LAST.minusDays(6), LAST.plusDays(1));
        // before midnight (and during the grace minutes) the day is live and not stored
        JooqUsageStats early = new JooqUsageStats(db, new TickingClock(LAST.plusDays(1).atTime(0, 4)));
        assertThat(early.daily(range)).isEqualTo(raw(db, range));
        assertThat(db.fetchCount(USAGE_DAY, USAGE_DAY.DAY.eq(LAST))).isZero();

        Rows rows = new Rows(db);
        long writer = rows.user("writer", LAST.plusDays(1).atStartOfDay(), true, false);
        long writerChat = rows.chat(writer, "t", "gpt-4o", LAST.plusDays(1).atStartOfDay(), 50, 0, null);
        for (int round = 0; round < 5; round++) {
            db.deleteFrom(USAGE_DAY).where(USAGE_DAY.DAY.eq(LAST)).execute();
            db.deleteFrom(USAGE_DAY_MODEL).where(USAGE_DAY_MODEL.DAY.eq(LAST)).execute();
            List<DailyUsage> expectedClosed = raw(db, new DateRange(LAST.minusDays(6), LAST));
            int nodes = 4;
            CyclicBarrier start = new CyclicBarrier(nodes + 1);
            AtomicBoolean reading = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(nodes + 1);
            try {
                List<Future<List<DailyUsage>>> seen = new ArrayList<>();
                for (int node = 0; node < nodes; node++) {
                    // each node its own adapter and clock, just past the grace minutes
                    JooqUsageStats stats = new JooqUsageStats(db, new TickingClock(LAST.plusDays(1).atTime(0, 5, 1)));
                    seen.add(pool.submit(() -> {
                        start.await();
                        stats.totals();
                        return stats.daily(range);
                    }));
                }
                int firstRank = round * 100 + 1;
                Future<?> writes = pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20 && reading.get(); i++) {
                        rows.message(writerChat, firstRank + i, i % 2 == 0 ? "user" : "assistant", "today " + i,
                                LAST.plusDays(1).atTime(0, 5, 2), i % 2 == 0 ? null : "gpt-4o", i % 2 == 0 ? null : 10, i % 2 == 0 ? null : 3);
                    }
                    return null;
                });
                for (Future<List<DailyUsage>> node : seen) {
                    List<DailyUsage> days = node.get(60, TimeUnit.SECONDS);
                    assertThat(days.stream().filter(d -> !d.date().isAfter(LAST)).toList()).isEqualTo(expectedClosed);
                }
                reading.set(false);
                writes.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(db.fetchCount(USAGE_DAY, USAGE_DAY.DAY.eq(LAST))).isEqualTo(1);
            assertThat(new JooqUsageStats(db, new TickingClock(LAST.plusDays(1).atTime(0, 6))).daily(range)).isEqualTo(raw(db, range));
            assertThat(db.selectFrom(USAGE_DAY_MODEL).where(USAGE_DAY_MODEL.DAY.eq(LAST)).orderBy(USAGE_DAY_MODEL.MODEL).fetch()
                    .map(r -> r.getDay() + " " + r.getModel() + " " + r.getAnswers() + " " + r.getInputTokens() + " " + r.getOutputTokens()))
                    .containsExactlyElementsOf(rawByModel(db, LAST, LAST));
        }
    }

    @Test
    void aMessageWrittenLateIntoAStoredDayIsCountedOnTheNextLook() {
        fill(db, new Random(11), FIRST, LAST, 6, 20);
        JooqUsageStats stats = new JooqUsageStats(db, new TickingClock(LAST.atTime(12, 0)));
        DateRange range = new DateRange(FIRST, LAST);
        stats.daily(range);
        assertThat(db.fetchCount(USAGE_DAY, USAGE_DAY.DAY.eq(LAST.minusDays(2)))).isEqualTo(1);

        // e.g. a node whose clock is far behind: dated two days ago, written now
        Rows rows = new Rows(db);
        long chat = rows.chat(rows.user("slow", LAST.atTime(11, 0), true, false), "t", "gpt-4o", LAST.atTime(11, 0), 50, 0, null);
        rows.message(chat, 1, "user", "kech", LAST.minusDays(2).atTime(10, 0), null, null, null);
        rows.message(chat, 2, "assistant", "javob", LAST.minusDays(2).atTime(10, 1), "o3", 7, 9);

        assertThat(stats.daily(range)).isEqualTo(raw(db, range));
        assertThat(stats.totals()).isEqualTo(rawTotals(db));
    }

    @Test
    void theChatRepositoryCountsWhatItWritesAsTheRawRowsSay() {
        Rows rows = new Rows(db);
        long user = rows.user("writer", LAST.atTime(8, 0), true, false);
        long other = rows.user("other", LAST.atTime(8, 0), true, false);
        JooqChatRepository chats = new JooqChatRepository(db);
        java.util.function.Function<LocalDateTime, Instant> at = t -> t.toInstant(ZoneOffset.UTC);
        long a = chats.createWithFirstMessage(user, "Salom", "gpt-4o", new uz.suhbat.domain.limit.MessageLimit(50), "Salom",
                at.apply(LAST.atTime(9, 0))).chat().id();
        // an answer saved while it streams (no tokens yet), then its final write with the tokens
        int answer = chats.appendAssistantMessage(a, 1, "Va", uz.suhbat.domain.chat.MessageStatus.INTERRUPTED, "o3", 0, 0, List.of(),
                at.apply(LAST.atTime(9, 0, 1))).rank();
        assertThat(chats.updateAssistantMessage(a, answer, "Va alaykum", uz.suhbat.domain.chat.MessageStatus.INTERRUPTED, 0, 0,
                at.apply(LAST.atTime(9, 0, 2)))).isTrue();
        assertThat(chats.updateAssistantMessage(a, answer, "Va alaykum salom", uz.suhbat.domain.chat.MessageStatus.COMPLETE, 120, 30,
                at.apply(LAST.atTime(9, 0, 3)))).isTrue();
        // a question answered across midnight: saved before, finished after
        chats.appendUserMessage(a, answer, "Yana bir savol", "gpt-4o", at.apply(LAST.atTime(23, 59, 50))).orElseThrow();
        int late = chats.appendAssistantMessage(a, answer + 1, "Bir", uz.suhbat.domain.chat.MessageStatus.INTERRUPTED, "gpt-4o", 0, 0,
                List.of(), at.apply(LAST.atTime(23, 59, 58))).rank();
        assertThat(chats.updateAssistantMessage(a, late, "Bir zum", uz.suhbat.domain.chat.MessageStatus.COMPLETE, 200, 40,
                at.apply(LAST.plusDays(1).atTime(0, 0, 4)))).isTrue();
        // another user's chat: a question left unanswered and removed, then one answered
        long b = chats.createWithFirstMessage(other, "Savol", "gpt-4o-mini", new uz.suhbat.domain.limit.MessageLimit(50), "Birinchi",
                at.apply(LAST.plusDays(1).atTime(0, 1))).chat().id();
        int unanswered = chats.appendUserMessage(b, 1, "Ikkinchi", "gpt-4o-mini", at.apply(LAST.plusDays(1).atTime(0, 2))).orElseThrow().rank();
        assertThat(chats.removeUnanswered(b, unanswered)).isTrue();
        chats.appendAssistantMessage(b, 1, "Javob", uz.suhbat.domain.chat.MessageStatus.COMPLETE, "gpt-4o-mini", 50, 5, List.of(),
                at.apply(LAST.plusDays(1).atTime(0, 3)));

        assertThat(UsageCounts.days(db, LAST, LAST.plusDays(1))).isEqualTo(new UsageFromHistory(db).days(LAST, LAST.plusDays(1)));
        assertThat(new JooqUsageStats(db, new TickingClock(LAST.plusDays(1).atTime(1, 0))).usage(new DateRange(LAST, LAST.plusDays(1))))
                .isEqualTo(new UsageStatsPort.Usage(rawTotals(db), raw(db, new DateRange(LAST, LAST.plusDays(1)))));
    }

    /** Users registering, chats with messages and answers of several models, some of them across midnight. */
    static void fill(DSLContext db, Random random, LocalDate first, LocalDate last, int users, int chats) {
        fill(new Rows(db), random, first, last, users, chats);
    }

    static void fill(Rows rows, Random random, LocalDate first, LocalDate last, int users, int chats) {
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        List<Long> ids = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            ids.add(rows.user("u" + u + "-" + random.nextInt(1_000_000), first.plusDays(random.nextInt(days)).atTime(random.nextInt(24), 0),
                    random.nextBoolean(), random.nextInt(5) == 0));
        }
        for (int c = 0; c < chats; c++) {
            LocalDateTime at = first.plusDays(random.nextInt(days)).atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60));
            String chatModel = MODELS.get(random.nextInt(MODELS.size()));
            long chat = rows.chat(ids.get(random.nextInt(ids.size())), "c" + c, chatModel, at, 50, 0, null);
            int messages = 1 + random.nextInt(8);
            for (int m = 1; m <= messages; m++) {
                boolean user = m % 2 == 1;
                if (!at.toLocalDate().isAfter(last)) {
                    rows.message(chat, m, user ? "user" : "assistant", "xabar " + m, at, user || random.nextInt(4) == 0 ? null : chatModel,
                            user ? null : 100 + random.nextInt(400), user ? null : 5 + random.nextInt(200));
                }
                at = at.plusMinutes(random.nextInt(90));
            }
        }
    }

    private static List<DailyUsage> raw(DSLContext db, DateRange range) {
        return new UsageFromHistory(db).days(range.from(), range.to()).values().stream().filter(UsageDay::used).map(UsageDay::toDailyUsage).toList();
    }

    /** Answers and tokens per day and model, straight from the rows with plain SQL. */
    private static List<String> rawByModel(DSLContext db, LocalDate from, LocalDate to) {
        return db.fetch("select cast(h.date as date) d, coalesce(h.model, c.model) m, count(*), sum(h.input_tokens), sum(h.output_tokens) "
                        + "from chat_history h join chat c on c.id = h.chat_id where h.role = 'assistant' and h.date >= ? and h.date < ? "
                        + "group by d, m order by d, m", from.atStartOfDay(), to.plusDays(1).atStartOfDay())
                .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3) + " " + r.get(4));
    }

    /** Everything so far, counted from the rows as the statistics did before the roll-ups. */
    static UsageTotals rawTotals(DSLContext db) {
        Record users = db.select(DSL.count(), DSL.count().filterWhere(USER.EMAIL_VERIFIED.isTrue()),
                DSL.count().filterWhere(USER.BLOCKED.isTrue())).from(USER).fetchSingle();
        Record messages = db.select(DSL.count().filterWhere(CHAT_HISTORY.ROLE.eq("user")), DSL.count().filterWhere(CHAT_HISTORY.ROLE.eq("assistant")),
                DSL.sum(CHAT_HISTORY.INPUT_TOKENS), DSL.sum(CHAT_HISTORY.OUTPUT_TOKENS)).from(CHAT_HISTORY).fetchSingle();
        return new UsageTotals(users.get(0, Long.class), users.get(1, Long.class), users.get(2, Long.class), db.fetchCount(CHAT),
                messages.get(0, Long.class), messages.get(1, Long.class), orZero(messages.get(2, BigDecimal.class)),
                orZero(messages.get(3, BigDecimal.class)), db.fetchCount(uz.suhbat.adapter.out.persistence.schema.Tables.MODEL));
    }

    private static LocalDate firstDay(DSLContext db) {
        LocalDateTime chat = db.select(DSL.min(CHAT.DATE)).from(CHAT).fetchSingle().value1();
        LocalDateTime message = db.select(DSL.min(CHAT_HISTORY.DATE)).from(CHAT_HISTORY).fetchSingle().value1();
        return (message.isBefore(chat) ? message : chat).toLocalDate();
    }

    private static long orZero(BigDecimal sum) {
        return sum == null ? 0 : sum.longValue();
    }

    private static final class TreeMapCheck {
        static void sameDays(java.util.Map<LocalDate, UsageDay> raw, java.util.Map<LocalDate, UsageDay> rolledUp) {
            assertThat(rolledUp).isEqualTo(raw);
            assertThat(raw.values().stream().filter(UsageDay::used).count()).isGreaterThan(20);
        }
    }

    /** A clock at a fixed UTC time that moves a millisecond per reading, like one node's clock would. */
    private static final class TickingClock extends Clock {
        private final java.util.concurrent.atomic.AtomicLong millis;

        TickingClock(LocalDateTime at) {
            this.millis = new java.util.concurrent.atomic.AtomicLong(at.toInstant(ZoneOffset.UTC).toEpochMilli());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndIncrement());
        }
    }
}

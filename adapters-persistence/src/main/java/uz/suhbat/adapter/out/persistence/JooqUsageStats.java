package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;
import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.MODEL;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USAGE_DAY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USAGE_DAY_MODEL;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USAGE_ROLLUP_STATE;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import uz.suhbat.application.port.out.admin.UsageStatsPort;
import uz.suhbat.domain.report.DailyUsage;
import uz.suhbat.domain.report.DateRange;
import uz.suhbat.domain.report.UsageTotals;

/**
 * Statistics from daily roll-ups. A UTC day is <em>closed</em> {@link #GRACE} after it ended (a message
 * stamped 23:59:59.999 by one node may commit a moment later, or come from a node whose clock is a little
 * behind); its numbers are then computed once from the raw rows ({@link UsageFromHistory}) and kept in
 * {@code usage_day} and {@code usage_day_model} (migration V50 back-filled the days closed before it). The
 * days still open, today and for a few minutes yesterday, are computed live. A range of a year therefore
 * reads at most 366 small rows plus one day of messages, whatever the history's size.
 *
 * <p>Several nodes may find the same day missing at once: each computes it and stores it with
 * INSERT ... ON DUPLICATE KEY UPDATE, model rows first and the day row last (the day row says the day is
 * complete). They store the same numbers, so the race is harmless; a store that fails (a deadlock between
 * two such upserts) is left to the other node, and the numbers just computed are still returned. Timings:
 * docs/benchmarks-stats-detail.md.
 */
final class JooqUsageStats implements UsageStatsPort {

    /** How long after its end a day is still counted live. */
    static final Duration GRACE = Duration.ofMinutes(5);

    private static final System.Logger LOG = System.getLogger(JooqUsageStats.class.getName());

    private final DSLContext db;
    private final Clock clock;
    private final UsageFromHistory history;

    JooqUsageStats(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.history = new UsageFromHistory(db);
    }

    /** The last day whose numbers can no longer change. */
    LocalDate lastClosedDay() {
        return LocalDateTime.ofInstant(clock.instant().minus(GRACE), ZoneOffset.UTC).toLocalDate().minusDays(1);
    }

    @Override
    public UsageTotals totals() {
        LocalDate lastClosed = lastClosedDay();
        recomputeLateDays(lastClosed);
        LocalDateTime open = lastClosed.plusDays(1).atStartOfDay();
        Record users = db.select(DSL.count(), DSL.count().filterWhere(USER.EMAIL_VERIFIED.isTrue()),
                DSL.count().filterWhere(USER.BLOCKED.isTrue())).from(USER).fetchSingle();
        long messages = 0;
        long answers = 0;
        long chats = 0;
        long inputTokens = 0;
        long outputTokens = 0;
        LocalDate first = firstDayOfHistory();
        if (first != null && !first.isAfter(lastClosed)) {
            Record closed = closedSums(first, lastClosed);
            if (closed.get(0, Long.class) < ChronoUnit.DAYS.between(first, lastClosed) + 1) {
                rolledUp(first, lastClosed);
                closed = closedSums(first, lastClosed);
            }
            messages = orZero(closed.get(1, BigDecimal.class));
            answers = orZero(closed.get(2, BigDecimal.class));
            chats = orZero(closed.get(3, BigDecimal.class));
            inputTokens = orZero(closed.get(4, BigDecimal.class));
            outputTokens = orZero(closed.get(5, BigDecimal.class));
        }
        Record live = db.select(DSL.count().filterWhere(CHAT_HISTORY.ROLE.eq("user")), DSL.count().filterWhere(CHAT_HISTORY.ROLE.eq("assistant")),
                DSL.sum(CHAT_HISTORY.INPUT_TOKENS), DSL.sum(CHAT_HISTORY.OUTPUT_TOKENS)).from(CHAT_HISTORY)
                .where(CHAT_HISTORY.DATE.ge(open)).fetchSingle();
        long liveChats = db.fetchCount(CHAT, CHAT.DATE.ge(open));
        return new UsageTotals(users.get(0, Long.class), users.get(1, Long.class), users.get(2, Long.class),
                chats + liveChats, messages + live.get(0, Long.class), answers + live.get(1, Long.class),
                inputTokens + orZero(live.get(2, BigDecimal.class)), outputTokens + orZero(live.get(3, BigDecimal.class)),
                db.fetchCount(MODEL));
    }

    @Override
    public List<DailyUsage> daily(DateRange range) {
        LocalDate lastClosed = lastClosedDay();
        recomputeLateDays(lastClosed);
        List<UsageDay> days = new ArrayList<>(range.days());
        if (!range.from().isAfter(lastClosed)) {
            days.addAll(rolledUp(range.from(), range.to().isAfter(lastClosed) ? lastClosed : range.to()).values());
        }
        if (range.to().isAfter(lastClosed)) {
            days.addAll(history.days(range.from().isAfter(lastClosed) ? range.from() : lastClosed.plusDays(1), range.to()).values());
        }
        return days.stream().filter(UsageDay::used).map(UsageDay::toDailyUsage).toList();
    }

    /**
     * The closed days from {@code from} to {@code to}, every one of them: read from the roll-up tables,
     * the missing ones computed from the raw rows (one computation per run of consecutive missing days)
     * and stored.
     */
    TreeMap<LocalDate, UsageDay> rolledUp(LocalDate from, LocalDate to) {
        TreeMap<LocalDate, UsageDay> days = stored(from, to);
        LocalDate runStart = null;
        for (LocalDate day = from; !day.isAfter(to.plusDays(1)); day = day.plusDays(1)) {
            boolean missing = !day.isAfter(to) && !days.containsKey(day);
            if (missing && runStart == null) {
                runStart = day;
            } else if (!missing && runStart != null) {
                TreeMap<LocalDate, UsageDay> computed = history.days(runStart, day.minusDays(1));
                store(computed.values());
                days.putAll(computed);
                runStart = null;
            }
        }
        return days;
    }

    /**
     * Rows written since the last look (ids above {@code usage_rollup_state.checked_id}, a primary-key range
     * that normally holds the last minutes' messages) but dated in a closed day that is already stored: that
     * day is computed again and stored over. It does not happen with clocks within the grace minutes of each
     * other; it costs one read of the newest id when nothing was written.
     */
    private void recomputeLateDays(LocalDate lastClosed) {
        Long checked = db.select(USAGE_ROLLUP_STATE.CHECKED_ID).from(USAGE_ROLLUP_STATE).where(USAGE_ROLLUP_STATE.ID.eq(1)).fetchOne(0, Long.class);
        Long newest = db.select(DSL.max(CHAT_HISTORY.ID)).from(CHAT_HISTORY).fetchOne(0, Long.class);
        if (newest == null || checked != null && newest <= checked) {
            return;
        }
        long since = checked == null ? 0 : checked;
        Field<LocalDate> day = DSL.cast(CHAT_HISTORY.DATE, SQLDataType.LOCALDATE);
        List<LocalDate> written = db.selectDistinct(day).from(CHAT_HISTORY)
                .where(CHAT_HISTORY.ID.gt(since).and(CHAT_HISTORY.ID.le(newest)))
                .and(CHAT_HISTORY.DATE.lt(lastClosed.plusDays(1).atStartOfDay()))
                .fetch(day);
        if (!written.isEmpty()) {
            // only the stored ones: a day not stored yet is computed whole when it is first asked for
            for (LocalDate stale : db.select(USAGE_DAY.DAY).from(USAGE_DAY).where(USAGE_DAY.DAY.in(written)).fetch(USAGE_DAY.DAY)) {
                store(history.days(stale, stale).values());
            }
        }
        if (checked == null) {
            db.query("insert into usage_rollup_state (id, checked_id) values (1, ?) on duplicate key update checked_id = greatest(checked_id, ?)",
                    newest, newest).execute();
        } else {
            db.update(USAGE_ROLLUP_STATE).set(USAGE_ROLLUP_STATE.CHECKED_ID, DSL.greatest(USAGE_ROLLUP_STATE.CHECKED_ID, DSL.val(newest)))
                    .where(USAGE_ROLLUP_STATE.ID.eq(1)).execute();
        }
    }

    /** One statement, so one consistent snapshot: a day row is never read without the model rows stored with it. */
    private TreeMap<LocalDate, UsageDay> stored(LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, UsageDay.ModelUse>> byModel = new HashMap<>();
        TreeMap<LocalDate, Record> dayRows = new TreeMap<>();
        db.select(USAGE_DAY.fields()).select(USAGE_DAY_MODEL.MODEL, USAGE_DAY_MODEL.ANSWERS, USAGE_DAY_MODEL.INPUT_TOKENS,
                        USAGE_DAY_MODEL.OUTPUT_TOKENS)
                .from(USAGE_DAY).leftJoin(USAGE_DAY_MODEL).on(USAGE_DAY_MODEL.DAY.eq(USAGE_DAY.DAY))
                .where(USAGE_DAY.DAY.between(from, to))
                .forEach(r -> {
                    dayRows.putIfAbsent(r.get(USAGE_DAY.DAY), r);
                    if (r.get(USAGE_DAY_MODEL.MODEL) != null) {
                        byModel.computeIfAbsent(r.get(USAGE_DAY.DAY), d -> new HashMap<>()).put(r.get(USAGE_DAY_MODEL.MODEL),
                                new UsageDay.ModelUse(r.get(USAGE_DAY_MODEL.ANSWERS), r.get(USAGE_DAY_MODEL.INPUT_TOKENS),
                                        r.get(USAGE_DAY_MODEL.OUTPUT_TOKENS)));
                    }
                });
        TreeMap<LocalDate, UsageDay> days = new TreeMap<>();
        dayRows.forEach((d, r) -> days.put(d, new UsageDay(d, r.get(USAGE_DAY.MESSAGES), r.get(USAGE_DAY.ANSWERS), r.get(USAGE_DAY.ACTIVE_USERS),
                r.get(USAGE_DAY.NEW_USERS), r.get(USAGE_DAY.NEW_CHATS), r.get(USAGE_DAY.INPUT_TOKENS), r.get(USAGE_DAY.OUTPUT_TOKENS),
                byModel.getOrDefault(d, Map.of()))));
        return days;
    }

    /** Model rows first, the day row last: a day row means its model rows are there. */
    private void store(Iterable<UsageDay> days) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Query> models = new ArrayList<>();
        List<Query> totals = new ArrayList<>();
        for (UsageDay day : days) {
            // plain ON DUPLICATE KEY UPDATE with the values themselves: jOOQ's MySQL 8 form (a row alias) MariaDB does not parse
            new TreeMap<>(day.byModel()).forEach((model, use) -> models.add(db.query(
                    "insert into usage_day_model (day, model, answers, input_tokens, output_tokens) values (?, ?, ?, ?, ?) "
                            + "on duplicate key update answers = ?, input_tokens = ?, output_tokens = ?",
                    day.day(), model, use.answers(), use.inputTokens(), use.outputTokens(),
                    use.answers(), use.inputTokens(), use.outputTokens())));
            totals.add(db.query("insert into usage_day (day, messages, answers, active_users, new_users, new_chats, input_tokens, "
                            + "output_tokens, computed) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on duplicate key update messages = ?, "
                            + "answers = ?, active_users = ?, new_users = ?, new_chats = ?, input_tokens = ?, output_tokens = ?, computed = ?",
                    day.day(), day.messages(), day.answers(), day.activeUsers(), day.newUsers(), day.newChats(), day.inputTokens(),
                    day.outputTokens(), now,
                    day.messages(), day.answers(), day.activeUsers(), day.newUsers(), day.newChats(), day.inputTokens(),
                    day.outputTokens(), now));
        }
        try {
            if (!models.isEmpty()) {
                db.batch(models).execute();
            }
            if (!totals.isEmpty()) {
                db.batch(totals).execute();
            }
        } catch (DataAccessException e) {
            // another node stores the same numbers at the same time; whichever lost, the day is computed again next time
            LOG.log(System.Logger.Level.WARNING, "daily statistics not stored this time (another node may be storing them): {0}", e.getMessage());
        }
    }

    private Record closedSums(LocalDate first, LocalDate lastClosed) {
        return db.select(DSL.count(), DSL.sum(USAGE_DAY.MESSAGES), DSL.sum(USAGE_DAY.ANSWERS), DSL.sum(USAGE_DAY.NEW_CHATS),
                        DSL.sum(USAGE_DAY.INPUT_TOKENS), DSL.sum(USAGE_DAY.OUTPUT_TOKENS))
                .from(USAGE_DAY).where(USAGE_DAY.DAY.between(first, lastClosed)).fetchSingle();
    }

    /** The first day with a message or a chat (each a read of one index end), or null when there is none. */
    private LocalDate firstDayOfHistory() {
        Record first = db.select(DSL.field(DSL.select(DSL.min(CHAT_HISTORY.DATE)).from(CHAT_HISTORY)),
                DSL.field(DSL.select(DSL.min(CHAT.DATE)).from(CHAT))).fetchSingle();
        LocalDateTime message = first.get(0, LocalDateTime.class);
        LocalDateTime chat = first.get(1, LocalDateTime.class);
        LocalDateTime earliest = message == null ? chat : chat == null || message.isBefore(chat) ? message : chat;
        return earliest == null ? null : earliest.toLocalDate();
    }

    private static long orZero(BigDecimal sum) {
        return sum == null ? 0 : sum.longValue();
    }
}

package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USAGE_DAY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USAGE_DAY_MODEL;

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
 * behind); its numbers are then read once from the counters kept as messages are written ({@link UsageCounts},
 * migration V170) and kept in {@code usage_day} and {@code usage_day_model} (migration V50 back-filled the days
 * closed before it, from the raw rows). The days still open, today and for a few minutes yesterday, are read from
 * the counters at every view. A range of a year therefore reads at most 366 small rows plus the open days' counter
 * rows, whatever the history's size and however busy today is; the only message rows a view reads are those of the
 * late-row check below (the rows written since its mark, at most about {@link #CHECK_STEP}, by primary key).
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

    /** Rows written since the last late-row check after which the check's mark is moved on (a write). */
    static final long CHECK_STEP = 1_000;

    private static final System.Logger LOG = System.getLogger(JooqUsageStats.class.getName());

    private final DSLContext db;
    private final Clock clock;

    JooqUsageStats(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The last day whose numbers can no longer change. */
    LocalDate lastClosedDay() {
        return LocalDateTime.ofInstant(clock.instant().minus(GRACE), ZoneOffset.UTC).toLocalDate().minusDays(1);
    }

    @Override
    public UsageTotals totals() {
        LocalDate today = today();
        return usage(new DateRange(today, today)).totals();
    }

    @Override
    public List<DailyUsage> daily(DateRange range) {
        return usage(range).daily();
    }

    /**
     * Totals and days in three or four statements when nothing is missing: the scalars (user and model counts, the
     * sums of every stored day, the late-row check), the stored days of the range, and the open days live
     * (one statement, shared by the totals and the days). Missing or late days are computed and stored first.
     */
    @Override
    public Usage usage(DateRange range) {
        LocalDate lastClosed = lastClosedDay();
        LocalDate firstOpen = lastClosed.plusDays(1);
        Scalars scalars = scalars(firstOpen);
        boolean repaired = false;
        if (scalars.lateSince() != null || scalars.newest() - scalars.checked() > CHECK_STEP) {
            recomputeLateDays(lastClosed, scalars.checked(), scalars.newest());
            repaired = true;
        }
        LocalDate first = scalars.firstDay();
        if (first != null && !first.isAfter(lastClosed) && scalars.closedDays() < ChronoUnit.DAYS.between(first, lastClosed) + 1) {
            rolledUp(first, lastClosed);
            repaired = true;
        }
        if (repaired) {
            scalars = scalars(firstOpen);
        }
        List<UsageDay> days = new ArrayList<>(range.days());
        if (!range.from().isAfter(lastClosed)) {
            days.addAll(rolledUp(range.from(), range.to().isAfter(lastClosed) ? lastClosed : range.to()).values());
        }
        TreeMap<LocalDate, UsageDay> open = UsageCounts.days(db, firstOpen, null);
        long chats = scalars.newChats();
        long messages = scalars.messages();
        long answers = scalars.answers();
        long inputTokens = scalars.inputTokens();
        long outputTokens = scalars.outputTokens();
        for (UsageDay day : open.values()) {
            chats += day.newChats();
            messages += day.messages();
            answers += day.answers();
            inputTokens += day.inputTokens();
            outputTokens += day.outputTokens();
            if (!day.day().isBefore(range.from()) && !day.day().isAfter(range.to())) {
                days.add(day);
            }
        }
        UsageTotals totals = new UsageTotals(scalars.users(), scalars.verifiedUsers(), scalars.blockedUsers(), chats, messages, answers,
                inputTokens, outputTokens, scalars.models());
        return new Usage(totals, days.stream().filter(UsageDay::used).map(UsageDay::toDailyUsage).toList());
    }

    private LocalDate today() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).toLocalDate();
    }

    /** What one statement tells about the whole history; {@code lateSince} is the earliest late row's time, or null. */
    private record Scalars(long users, long verifiedUsers, long blockedUsers, long models, LocalDate firstDay, long closedDays,
                           long messages, long answers, long newChats, long inputTokens, long outputTokens, long checked, long newest,
                           LocalDateTime lateSince) {
    }

    /**
     * One statement: user and model counts, the first day of the history (an index end each), the sums of the
     * stored closed days, the late-row mark and the newest row; then, when rows were written since the mark,
     * the late-row check: those rows ({@code id} above {@code usage_rollup_state.checked_id}, a primary-key
     * range of the last minutes' messages) dated in a closed day.
     */
    private Scalars scalars(LocalDate firstOpen) {
        LocalDateTime open = firstOpen.atStartOfDay();
        Record r = db.fetchSingle("""
                select u.users, u.verified, u.blocked,
                       (select count(*) from model) as models,
                       (select min(date) from chat_history) as first_message,
                       (select min(date) from chat) as first_chat,
                       d.days, d.messages, d.answers, d.new_chats, d.input_tokens, d.output_tokens,
                       (select checked_id from usage_rollup_state where id = 1) as checked,
                       (select max(id) from chat_history) as newest
                from (select count(*) as users, coalesce(sum(email_verified), 0) as verified, coalesce(sum(blocked), 0) as blocked
                      from `user`) u
                cross join (select count(*) as days, coalesce(sum(messages), 0) as messages, coalesce(sum(answers), 0) as answers,
                                   coalesce(sum(new_chats), 0) as new_chats, coalesce(sum(input_tokens), 0) as input_tokens,
                                   coalesce(sum(output_tokens), 0) as output_tokens
                            from usage_day where day < ?) d""", firstOpen);
        LocalDateTime message = r.get("first_message", LocalDateTime.class);
        LocalDateTime chat = r.get("first_chat", LocalDateTime.class);
        LocalDateTime earliest = message == null ? chat : chat == null || message.isBefore(chat) ? message : chat;
        long checked = r.get("checked", Long.class) == null ? -1 : r.get("checked", Long.class);
        long newest = r.get("newest", Long.class) == null ? 0 : r.get("newest", Long.class);
        // the rows written since the last look, by their primary key (a range the optimizer can only use with
        // the bound as a value: inside the statement above it scanned the date index of every row)
        LocalDateTime late = newest <= checked ? null
                : db.fetchSingle("select min(date) from chat_history where id > ? and id <= ? and date < ?", Math.max(checked, 0), newest, open)
                .get(0, LocalDateTime.class);
        return new Scalars(r.get("users", Long.class), r.get("verified", Long.class), r.get("blocked", Long.class),
                r.get("models", Long.class), earliest == null ? null : earliest.toLocalDate(), r.get("days", Long.class),
                r.get("messages", Long.class), r.get("answers", Long.class), r.get("new_chats", Long.class),
                r.get("input_tokens", Long.class), r.get("output_tokens", Long.class), checked, newest, late);
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
                TreeMap<LocalDate, UsageDay> computed = UsageCounts.days(db, runStart, day.minusDays(1));
                store(computed.values());
                days.putAll(computed);
                runStart = null;
            }
        }
        return days;
    }

    /**
     * Rows written since the last look (ids above {@code checked}) but dated in a closed day that is already
     * stored: that day is computed again and stored over. It does not happen with clocks within the grace
     * minutes of each other. The mark moves on only here, so a view writes nothing while fewer than
     * {@link #CHECK_STEP} rows were written since the last move and none of them is late.
     */
    private void recomputeLateDays(LocalDate lastClosed, long checked, long newest) {
        long since = Math.max(checked, 0);
        Field<LocalDate> day = DSL.cast(CHAT_HISTORY.DATE, SQLDataType.LOCALDATE);
        List<LocalDate> written = db.selectDistinct(day).from(CHAT_HISTORY)
                .where(CHAT_HISTORY.ID.gt(since).and(CHAT_HISTORY.ID.le(newest)))
                .and(CHAT_HISTORY.DATE.lt(lastClosed.plusDays(1).atStartOfDay()))
                .fetch(day);
        if (!written.isEmpty()) {
            // only the stored ones: a day not stored yet is computed whole when it is first asked for
            for (LocalDate stale : db.select(USAGE_DAY.DAY).from(USAGE_DAY).where(USAGE_DAY.DAY.in(written)).fetch(USAGE_DAY.DAY)) {
                store(UsageCounts.days(db, stale, stale).values());
            }
        }
        db.query("insert into usage_rollup_state (id, checked_id) values (1, ?) on duplicate key update checked_id = greatest(checked_id, ?)",
                newest, newest).execute();
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
                byModel.getOrDefault(d, Map.of()), r.get(USAGE_DAY.FEEDBACK_UP), r.get(USAGE_DAY.FEEDBACK_DOWN))));
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
                            + "output_tokens, feedback_up, feedback_down, computed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on duplicate key "
                            + "update messages = ?, answers = ?, active_users = ?, new_users = ?, new_chats = ?, input_tokens = ?, "
                            + "output_tokens = ?, feedback_up = ?, feedback_down = ?, computed = ?",
                    day.day(), day.messages(), day.answers(), day.activeUsers(), day.newUsers(), day.newChats(), day.inputTokens(),
                    day.outputTokens(), day.feedbackUp(), day.feedbackDown(), now,
                    day.messages(), day.answers(), day.activeUsers(), day.newUsers(), day.newChats(), day.inputTokens(),
                    day.outputTokens(), day.feedbackUp(), day.feedbackDown(), now));
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
}

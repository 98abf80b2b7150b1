package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;
import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.service.admin.UsageStatsService;
import uz.suhbat.domain.report.ChatSearch;
import uz.suhbat.domain.report.DateRange;
import uz.suhbat.domain.report.UserSearch;
import uz.suhbat.domain.report.UserSort;

/**
 * Not a test: a measurement of the admin panel's queries over one million messages (2,000 users, 20,000
 * chats, spread over the last 365 days) on the embedded MariaDB. Tagged {@code benchmark}, which the
 * build excludes; run it with {@code bench/stats.sh} (the command is in docs/benchmarks-stats-detail.md)
 * and read the timings in the output. Each figure is printed beside a reference measured in the same run:
 * the raw computation the statistics did before the roll-ups, the substring scan the chat search did
 * before the FULLTEXT index, and one plain indexed query.
 */
@Tag("benchmark")
class StatsBenchmark {

    private static final int USERS = 2_000;
    private static final int CHATS = 20_000;
    private static final int MESSAGES = Integer.getInteger("suhbat.benchmark.messages", 1_000_000);
    private static final int DAYS = 365;
    private static final int RUNS = 7;
    private static final long SLICE = 1_000_000;
    /** The slow references (raw computation, substring scan) take minutes each at 10 M: {@code -Dsuhbat.benchmark.referenceRuns=1}. */
    private static final int REFERENCE_RUNS = Integer.getInteger("suhbat.benchmark.referenceRuns", RUNS);

    @Test
    void statsAndSearchOverAMillionMessages() {
        DSLContext db = TestDatabase.emptied();
        long poolMb = Long.getLong("suhbat.benchmark.bufferPoolMb", 0);
        if (poolMb > 0) { // a server that holds ten million messages is given a buffer pool to match (MariaDB resizes it live)
            db.execute("set global innodb_buffer_pool_size = " + poolMb * 1024 * 1024);
        }
        System.out.printf("%nserver %s, innodb_buffer_pool_size %d MB%n", db.fetchValue("select version()"),
                db.fetchSingle("select @@innodb_buffer_pool_size").get(0, Long.class) / (1024 * 1024));
        fill(db);

        Clock clock = Clock.systemUTC();
        JooqUsageStats stats = new JooqUsageStats(db, clock);
        UsageStatsService service = new UsageStatsService(stats, clock);
        UsageFromHistory raw = new UsageFromHistory(db);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DateRange month = DateRange.lastDays(today, 30);
        DateRange year = DateRange.lastDays(today, DAYS);

        double plain = time("reference: plain indexed query (a chat's messages)", () -> db.selectFrom(CHAT_HISTORY)
                .where(CHAT_HISTORY.CHAT_ID.eq(4242L)).orderBy(CHAT_HISTORY.RANK).fetch());

        System.out.println("\nstatistics (what /admin and /admin/api/stats call: totals and one row per day)");
        long first = System.nanoTime();
        service.stats(year);
        System.out.printf("  first view after the fill, rolls up %d closed days once: %d ms%n", DAYS - 1, (System.nanoTime() - first) / 1_000_000);
        profile(db, clock, year);
        double m30 = time("stats, 30 days", () -> service.stats(month));
        double m365 = time("stats, 365 days", () -> service.stats(year));
        time("  of which: the open days from the counters (one statement)", () -> UsageCounts.days(db, stats.lastClosedDay().plusDays(1), null));
        double r30 = time(REFERENCE_RUNS, "  reference: raw computation, 30 days", () -> raw.days(month.from(), month.to()));
        double r365 = time(REFERENCE_RUNS, "  reference: raw computation, 365 days", () -> raw.days(year.from(), year.to()));
        double today1 = time(REFERENCE_RUNS, "  reference: today by the raw computation (5 statements)", () -> raw.days(today, today));
        System.out.printf("  ratio to the plain indexed query: 30 days %.2f, 365 days %.2f; to the raw computation: 30 days %.4f, 365 days %.4f; "
                + "to today alone by the raw computation: 30 days %.2f%n", m30 / plain, m365 / plain, m30 / r30, m365 / r365, m30 / today1);

        // built after the statistics, which do not need it: at 10 M its build needs several GB of temporary files
        long indexing = System.nanoTime();
        db.execute("create fulltext index ix_chat_history_search on chat_history (search_text)");
        System.out.printf("%nFULLTEXT index built in %.1f s%n", (System.nanoTime() - indexing) / 1e9);
        System.out.println("\nchat text search, page 1 of 25 chats with their total (what /admin/chats?text= calls)");
        JooqChatArchive chats = new JooqChatArchive(db);
        double needle = time("search 'needle' (1 message)", () -> chats.search(new ChatSearch("", "", null, null, "needle", 1, 25)));
        double topic = time("search 'mavzu123' (1,000 messages)", () -> chats.search(new ChatSearch("", "", null, null, "mavzu123", 1, 25)));
        double apostrophe = time("search 'o‘zbek' (as o'zbek, 1 message)", () -> chats.search(new ChatSearch("", "", null, null, "o‘zbek", 1, 25)));
        double common = time("search 'sinov' (every message)", () -> chats.search(new ChatSearch("", "", null, null, "sinov", 1, 25)));
        double shortTerm = time("search 'dl' (short: newest chats only)", () -> chats.search(new ChatSearch("", "", null, null, "dl", 1, 25)));
        for (String word : new String[] {"needle", "mavzu123", "o‘zbek", "sinov", "dl"}) {
            var page = chats.search(new ChatSearch("", "", null, null, word, 1, 25));
            System.out.printf("  '%s': %d chats on page 1, total %s%d%s%n", word, page.items().size(), page.estimated() ? "about " : "",
                    page.total(), page.searchedNewest() > 0 ? " in the newest " + page.searchedNewest() + " chats" : "");
        }
        double scan = time(REFERENCE_RUNS, "  reference: substring scan (before) 'needle'", () -> substringScan(db, "needle"));
        double plainAgain = time("  reference: plain indexed query (a chat's messages), again", () -> db.selectFrom(CHAT_HISTORY)
                .where(CHAT_HISTORY.CHAT_ID.eq(4242L)).orderBy(CHAT_HISTORY.RANK).fetch());
        System.out.printf("  ratio to the substring scan: needle %.4f, mavzu123 %.4f, o‘zbek %.4f, sinov %.2f, dl %.2f%n",
                needle / scan, topic / scan, apostrophe / scan, common / scan, shortTerm / scan);
        System.out.printf("  ratio to the plain indexed query: needle %.1f, mavzu123 %.1f, o‘zbek %.1f, sinov %.1f, dl %.1f%n",
                needle / plainAgain, topic / plainAgain, apostrophe / plainAgain, common / plainAgain, shortTerm / plainAgain);

        System.out.println("\nother admin pages");
        JooqUserReport users = new JooqUserReport(db);
        time("users page 1, newest first", () -> users.search(new UserSearch("", UserSort.REGISTERED, false, 1, 25)));
        time("users page 1, by messages", () -> users.search(new UserSearch("", UserSort.MESSAGES, false, 1, 25)));
        time("chats page 1", () -> chats.search(new ChatSearch("", "", null, null, "", 1, 25)));
        // its page with the chats read first (what it does) and joined plainly (before session 13: the users first, then a sort)
        time("    reference: the page's chats joined plainly", () -> db.fetch("select chat.*, user.username from chat join user "
                + "on user.id = chat.user_id order by chat.updated desc, chat.id desc limit 25"));
    }

    /** Messages {@code first} to {@code last} of the sequence, made by the database itself. */
    private static void fillMessages(DSLContext db, long first, long last) {
        db.execute("insert into chat_history (chat_id, role, content, date, `rank`, model, input_tokens, output_tokens) "
                + "select 1 + seq % " + CHATS + ", if((seq div " + CHATS + ") % 2 = 0, 'user', 'assistant'), "
                + "case seq when 777 then 'a needle in the haystack' when 778 then 'Oʻzbek tili haqida' "
                + "else concat(repeat('Salom, bu sinov xabari. ', 6), 'mavzu', seq % 1000, ' ', seq) end, "
                + "utc_timestamp(3) - interval (seq % " + (DAYS * 1440) + ") minute, 1 + seq div " + CHATS + ", "
                + "if((seq div " + CHATS + ") % 2 = 0, null, if(seq % 3 = 0, 'gpt-4o', 'gpt-4o-mini')), "
                + "if((seq div " + CHATS + ") % 2 = 0, null, 300 + seq % 500), if((seq div " + CHATS + ") % 2 = 0, null, 50 + seq % 200) "
                + "from seq_" + first + "_to_" + last);
    }

    /** The statements one 365-day view runs, each with what EXPLAIN says of it (access type, index, rows). */
    private static void profile(DSLContext db, Clock clock, DateRange range) {
        java.util.List<String> statements = new java.util.ArrayList<>();
        DSLContext counted = DSL.using(db.configuration().derive(new org.jooq.impl.DefaultExecuteListenerProvider(new org.jooq.ExecuteListener() {
            @Override
            public void executeStart(org.jooq.ExecuteContext ctx) {
                statements.add(ctx.query() == null ? ctx.sql() : db.renderInlined(ctx.query()));
            }
        })));
        new UsageStatsService(new JooqUsageStats(counted, clock), clock).stats(range);
        System.out.printf("  one view runs %d statements:%n", statements.size());
        for (String sql : statements) {
            System.out.println("    " + sql.replaceAll("\\s+", " "));
            if (sql.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("select")) {
                for (var row : db.fetch("explain " + sql)) {
                    System.out.printf("      explain: %s %s type=%s key=%s rows=%s %s%n", row.get("select_type"), row.get("table"), row.get("type"),
                            row.get("key"), row.get("rows"), row.get("Extra"));
                }
            }
        }
    }

    /** The chat search as it was before V51: count and page over a LIKE '%…%' of every message. */
    private static Object substringScan(DSLContext db, String text) {
        Condition where = DSL.exists(DSL.selectOne().from(CHAT_HISTORY)
                .where(CHAT_HISTORY.CHAT_ID.eq(CHAT.ID)).and(CHAT_HISTORY.CONTENT.contains(text)));
        long total = db.selectCount().from(CHAT).join(USER).on(USER.ID.eq(CHAT.USER_ID)).where(where).fetchSingle(0, Long.class);
        return db.select(CHAT.fields()).select(USER.USERNAME).from(CHAT).join(USER).on(USER.ID.eq(CHAT.USER_ID)).where(where)
                .orderBy(CHAT.UPDATED.desc(), CHAT.ID.desc()).limit(25).fetch().size() + total;
    }

    /** Rows made by the database itself from MariaDB's sequence tables: no million round trips. */
    private static void fill(DSLContext db) {
        long started = System.nanoTime();
        // loading is faster without the FULLTEXT index; building it afterwards is timed on its own
        db.execute("alter table chat_history drop index ix_chat_history_search");
        db.execute("insert into user (username, password, email, date, email_verified, blocked) "
                + "select concat('u', seq), '{noop}x', concat('u', seq, '@example.uz'), utc_timestamp(3) - interval (seq % " + DAYS + ") day, "
                + "seq % 3 > 0, seq % 50 = 0 from seq_1_to_" + USERS);
        db.execute("insert into chat (user_id, date, updated, title, model, message_limit, used) "
                + "select 1 + seq % " + USERS + ", utc_timestamp(3) - interval (seq % " + DAYS + ") day, utc_timestamp(3), concat('Chat ', seq), "
                + "if(seq % 3 = 0, 'gpt-4o', 'gpt-4o-mini'), 50, 25 from seq_1_to_" + CHATS);
        int perChat = MESSAGES / CHATS;
        long total = (long) perChat * CHATS;
        // in slices of a million: one statement of ten million rows spends its time in the undo log of one huge transaction
        for (long from = 0; from < total; from += SLICE) {
            fillMessages(db, from, Math.min(total, from + SLICE) - 1);
        }
        System.out.printf("filled %,d users, %,d chats, %,d messages over %d days in %.1f s%n", USERS, CHATS, total, DAYS,
                (System.nanoTime() - started) / 1e9);
        long counting = System.nanoTime();
        // the counters the chat repository keeps as it writes (V170), back-filled the way the migration does
        db.execute("insert into usage_count (day, role, model, slot, messages, input_tokens, output_tokens) "
                + "select cast(h.date as date), h.role, case when h.role = 'assistant' then coalesce(h.model, c.model, '') else '' end, "
                + "h.chat_id % 8, count(*), coalesce(sum(h.input_tokens), 0), coalesce(sum(h.output_tokens), 0) "
                + "from chat_history h straight_join chat c on c.id = h.chat_id "
                + "group by cast(h.date as date), h.role, case when h.role = 'assistant' then coalesce(h.model, c.model, '') else '' end, h.chat_id % 8");
        db.execute("insert into usage_day_user (day, user_id) select distinct cast(h.date as date), c.user_id "
                + "from chat_history h straight_join chat c on c.id = h.chat_id where h.role = 'user'");
        System.out.printf("statistics counters back-filled (as migration V170 does) in %.1f s: %,d counter rows, %,d (day, user) rows%n",
                (System.nanoTime() - counting) / 1e9, db.fetchCount(DSL.table("usage_count")), db.fetchCount(DSL.table("usage_day_user")));
        db.execute("insert into user_message_count (user_id, messages) select c.user_id, count(*) "
                + "from chat c straight_join chat_history h on h.chat_id = c.id where h.role = 'user' group by c.user_id"); // as V300 does
        db.execute("analyze table user, chat, chat_history, usage_count, usage_day_user, user_message_count");
    }

    /** Median of {@value #RUNS} runs after one warm-up run, in milliseconds. */
    private static double time(String what, Supplier<?> query) {
        return time(RUNS, what, query);
    }

    /** Median of {@code runs} runs, after one warm-up run when more than one is asked for, in milliseconds. */
    private static double time(int runs, String what, Supplier<?> query) {
        if (runs > 1) {
            query.get(); // warm the buffer pool and the statement cache
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("  %-52s median %8.1f ms   (min %.1f, max %.1f, %d runs)%n", what, millis[runs / 2], millis[0], millis[runs - 1], runs);
        return millis[runs / 2];
    }
}

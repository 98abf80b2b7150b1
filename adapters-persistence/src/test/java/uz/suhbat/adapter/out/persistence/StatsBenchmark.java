package uz.suhbat.adapter.out.persistence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.report.ChatSearch;
import uz.suhbat.domain.report.DateRange;
import uz.suhbat.domain.report.UserSearch;
import uz.suhbat.domain.report.UserSort;

/**
 * Not a test: a measurement of the admin panel's aggregate queries over one million messages
 * (2 000 users, 20 000 chats, 90 days). Its name does not end in "Test", so a normal build skips it;
 * run it with
 * {@code ./mvnw -B -o verify -pl adapters-persistence -am -Dtest=StatsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the timings in the output. Results are kept in docs/benchmarks-admin.md.
 */
@Tag("benchmark")
class StatsBenchmark {

    private static final int USERS = 2_000;
    private static final int CHATS = 20_000;
    private static final int MESSAGES = 1_000_000;
    private static final int RUNS = 5;

    @Test
    void statsOverAMillionMessages() {
        DSLContext db = TestDatabase.emptied();
        long started = System.nanoTime();
        fill(db);
        System.out.printf("%nfilled %,d users, %,d chats, %,d messages in %.1f s%n", USERS, CHATS, MESSAGES,
                (System.nanoTime() - started) / 1e9);

        JooqUsageStats stats = new JooqUsageStats(db, java.time.Clock.systemUTC());
        JooqUserReport users = new JooqUserReport(db);
        JooqChatArchive chats = new JooqChatArchive(db);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        time("totals", stats::totals);
        time("daily, 30 days", () -> stats.daily(DateRange.lastDays(today, 30)));
        time("daily, 90 days", () -> stats.daily(DateRange.lastDays(today, 90)));
        time("users page 1, newest first", () -> users.search(new UserSearch("", UserSort.REGISTERED, false, 1, 25)));
        time("users page 1, by messages", () -> users.search(new UserSearch("", UserSort.MESSAGES, false, 1, 25)));
        time("users search 'u123'", () -> users.search(new UserSearch("u123", UserSort.REGISTERED, false, 1, 25)));
        time("chats page 1", () -> chats.search(new ChatSearch("", "", null, null, "", 1, 25)));
        time("chats, text search", () -> chats.search(new ChatSearch("", "", null, null, "needle", 1, 25)));
        System.out.println("plan of the active-users query:");
        db.fetch("explain select cast(h.date as date), count(distinct c.user_id) from chat_history h straight_join chat c "
                + "on c.id = h.chat_id where h.date >= utc_timestamp() - interval 30 day and h.role = 'user' group by 1")
                .forEach(row -> System.out.println("  " + row.intoMap()));
    }

    /** Rows made by the database itself from MariaDB's sequence tables: no million round trips. */
    private static void fill(DSLContext db) {
        db.execute("insert into user (username, password, email, date, email_verified, blocked) "
                + "select concat('u', seq), '{noop}x', concat('u', seq, '@example.uz'), utc_timestamp(3) - interval (seq % 90) day, "
                + "seq % 3 > 0, seq % 50 = 0 from seq_1_to_" + USERS);
        db.execute("insert into chat (user_id, date, updated, title, model, message_limit, used) "
                + "select 1 + seq % " + USERS + ", utc_timestamp(3) - interval (seq % 90) day, utc_timestamp(3), concat('Chat ', seq), "
                + "if(seq % 3 = 0, 'gpt-4o', 'gpt-4o-mini'), 50, 25 from seq_1_to_" + CHATS);
        int perChat = MESSAGES / CHATS;
        db.execute("insert into chat_history (chat_id, role, content, date, `rank`, model, input_tokens, output_tokens) "
                + "select 1 + seq % " + CHATS + ", if((seq div " + CHATS + ") % 2 = 0, 'user', 'assistant'), "
                + "if(seq = 777, 'a needle in the haystack', repeat('Salom, bu sinov xabari. ', 8)), "
                + "utc_timestamp(3) - interval (seq % 129600) minute, 1 + seq div " + CHATS + ", "
                + "if((seq div " + CHATS + ") % 2 = 0, null, if(seq % 3 = 0, 'gpt-4o', 'gpt-4o-mini')), "
                + "if((seq div " + CHATS + ") % 2 = 0, null, 300 + seq % 500), if((seq div " + CHATS + ") % 2 = 0, null, 50 + seq % 200) "
                + "from seq_0_to_" + (perChat * CHATS - 1));
        db.execute("analyze table user, chat, chat_history");
    }

    private static void time(String what, Supplier<?> query) {
        query.get(); // warm the buffer pool and the statement cache
        long[] millis = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("%-30s median %5d ms   (min %d, max %d, %d runs)%n", what, millis[RUNS / 2], millis[0], millis[RUNS - 1], RUNS);
    }
}

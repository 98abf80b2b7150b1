package uz.suhbat.adapter.out.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.chat.SearchTerm;

/**
 * Not a test: a measurement of a user's search of their own chats ({@link JooqChatSearch}) for a user with 10,000
 * messages (500 chats of 20), among other users' 200,000 messages, on the embedded MariaDB, beside a plain indexed query
 * of the same run. Queries: a rare word, an apostrophe variant, a word in every answer, nothing, two letters, a title, a
 * word in every other user's answers but none of this user's ({@code begona}). Tagged {@code benchmark},
 * which the build excludes; run it with {@code bench/user-search.sh} and read the timings in the output.
 */
@Tag("benchmark")
class ChatSearchBenchmark {

    private static final int CHATS = 500;
    private static final int PER_CHAT = 20;
    private static final int OTHER_USERS = 100;
    private static final int OTHER_MESSAGES = 200_000;
    private static final int RUNS = 9;

    @Test
    void searchOfOneUsersTenThousandMessages() {
        DSLContext db = TestDatabase.emptied();
        System.out.printf("%nserver %s, innodb_buffer_pool_size %d MB%n", db.fetchValue("select version()"),
                db.fetchSingle("select @@innodb_buffer_pool_size").get(0, Long.class) / (1024 * 1024));
        long started = System.nanoTime();
        db.execute("insert into user (username, password, email, date, email_verified, blocked) "
                + "select concat('u', seq), '{noop}x', concat('u', seq, '@example.uz'), utc_timestamp(3), 1, 0 from seq_1_to_" + (OTHER_USERS + 1));
        long me = db.fetchSingle("select id from user where username = 'u1'").get(0, Long.class);
        // my chats first (user u1), then the others' chats, 20 messages each
        int otherChats = OTHER_MESSAGES / PER_CHAT;
        db.execute("insert into chat (user_id, date, updated, title, model, message_limit, used) "
                + "select if(seq <= " + CHATS + ", " + me + ", " + me + " + 1 + seq % " + OTHER_USERS + "), utc_timestamp(3), "
                + "utc_timestamp(3) - interval seq minute, concat('Suhbat ', seq, ' haqida'), 'gpt-4o-mini', 50, 10 from seq_1_to_"
                + (CHATS + otherChats));
        // a user message of ~120 characters, an answer of ~900; one answer of mine holds a rare word, one an Uzbek apostrophe
        db.execute("insert into chat_history (chat_id, role, content, date, `rank`, model) "
                + "select 1 + seq div " + PER_CHAT + ", if(seq % 2 = 0, 'user', 'assistant'), "
                + "case seq when 4321 then concat(repeat('Karvon yoʻli haqida uzun javob. ', 20), 'Buxoro va Xiva orqali oʻtgan.') "
                + "when 8765 then 'Oʻzbekiston poytaxti Toshkent shahri.' "
                + "else if(seq % 2 = 0, concat('Savol ', seq, ': bugun ob-havo qanday va nima qilsam boʻladi? ', repeat('Iltimos batafsil. ', 3)), "
                + "concat(repeat('Bu sinov javobi, unda oddiy soʻzlar bor: kitob, maktab, daryo, tog. ', 12), 'mavzu', seq % 1000, "
                + "if(seq >= " + CHATS * PER_CHAT + ", ' begona', ''))) end, "
                + "utc_timestamp(3), 1 + seq % " + PER_CHAT + ", if(seq % 2 = 0, null, 'gpt-4o-mini') "
                + "from seq_0_to_" + ((CHATS + otherChats) * PER_CHAT - 1));
        db.execute("analyze table user, chat, chat_history");
        long mine = db.fetchSingle("select count(*) from chat_history h join chat c on c.id = h.chat_id where c.user_id = " + me).get(0, Long.class);
        long all = db.fetchSingle("select count(*) from chat_history").get(0, Long.class);
        System.out.printf("filled: the user has %,d messages in %d chats; %,d messages in all, in %.1f s%n", mine, CHATS, all,
                (System.nanoTime() - started) / 1e9);

        double plain = time(() -> db.selectFrom(uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY)
                .where(uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY.CHAT_ID.eq(4242L)).fetch().size());
        System.out.printf("  reference: plain indexed query (a chat's messages)   median %6.1f ms%n", plain);
        JooqChatSearch search = new JooqChatSearch(db);
        for (String query : List.of("Buxoro", "o'zbekiston", "kitob", "yoʻq narsa topilmaydi", "xi", "Suhbat 250 haqida", "begona")) {
            String term = SearchTerm.normalise(query);
            int[] found = new int[1];
            double median = time(() -> found[0] = search.search(me, term, 20, 1).size());
            System.out.printf("  %-28s %3d chats   median %6.1f ms   (%.1f plain indexed queries)%n", "\"" + query + "\"", found[0], median,
                    median / plain);
            profile(db, me, query);
        }
        // what a term too short for the index costs: reading the user's messages, and the substring test on each
        String mine2 = "select count(*) from chat c straight_join chat_history h on h.chat_id = c.id where c.user_id = " + me + " and h.on_branch";
        System.out.println("  the substring scan of the user's messages, by itself:");
        for (String test : List.of(" and length(h.search_text) > 0", " and h.search_text like '%xi%'", " and h.search_text regexp 'xi'")) {
            Object[] n = new Object[1];
            double median = time(() -> n[0] = db.fetchValue(mine2 + test));
            System.out.printf("  %-38s %5s rows   median %6.1f ms%n", test.substring(5), n[0], median);
        }
    }

    /** The statements one search runs, each with its time and what EXPLAIN says of it. */
    private static void profile(DSLContext db, long me, String query) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        long[] started = new long[1];
        DSLContext timed = org.jooq.impl.DSL.using(db.configuration().derive(new org.jooq.impl.DefaultExecuteListenerProvider(
                new org.jooq.ExecuteListener() {
                    @Override
                    public void executeStart(org.jooq.ExecuteContext ctx) {
                        started[0] = System.nanoTime();
                    }

                    @Override
                    public void fetchEnd(org.jooq.ExecuteContext ctx) {
                        lines.add(String.format("      %6.1f ms  %s", (System.nanoTime() - started[0]) / 1e6,
                                db.renderInlined(ctx.query()).replaceAll("\\s+", " ")));
                    }
                })));
        new JooqChatSearch(timed).search(me, SearchTerm.normalise(query), 20, 1);
        System.out.printf("    statements of \"%s\" (one run):%n", query);
        lines.forEach(System.out::println);
    }

    /** Median of {@value #RUNS} runs after one warm-up run, in milliseconds (also printed: min and max). */
    private static double time(Supplier<?> query) {
        query.get();
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("      (min %.1f, max %.1f ms)", millis[0], millis[RUNS - 1]);
        return millis[RUNS / 2];
    }
}

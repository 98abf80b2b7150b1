package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import static uz.suhbat.adapter.out.persistence.schema.Tables.MODEL;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.report.ChatOverview;
import uz.suhbat.domain.report.ChatSearch;
import uz.suhbat.domain.report.DailyUsage;
import uz.suhbat.domain.report.DateRange;
import uz.suhbat.domain.report.Page;
import uz.suhbat.domain.report.UsageTotals;
import uz.suhbat.domain.report.UserOverview;
import uz.suhbat.domain.report.UserSearch;
import uz.suhbat.domain.report.UserSort;

/** The admin panel's aggregate queries on the embedded MariaDB, over a small known data set. */
class JooqAdminReportsTest {

    private static final LocalDateTime DAY1 = LocalDateTime.of(2026, 11, 20, 9, 0);
    private static final LocalDateTime DAY2 = LocalDateTime.of(2026, 11, 21, 23, 59);

    private DSLContext db;
    private long aziz;
    private long nodira;
    private long azizChat;

    @BeforeEach
    void data() {
        db = TestDatabase.emptied();
        Rows rows = new Rows(db);
        aziz = rows.user("aziz", DAY1, true, false);
        nodira = rows.user("nodira", DAY2, false, true);
        rows.user("olim", DAY2.minusDays(10), true, false);
        azizChat = rows.chat(aziz, "Samarqand tarixi", "gpt-4o-mini", DAY1, 50, 2, null);
        rows.message(azizChat, 1, "user", "Samarqand qachon qurilgan?", DAY1, null, null, null);
        rows.message(azizChat, 2, "assistant", "Miloddan avvalgi VIII asrda.", DAY1.plusMinutes(1), "gpt-4o-mini", 100, 20);
        rows.message(azizChat, 3, "user", "Rahmat", DAY2, null, null, null);
        rows.message(azizChat, 4, "assistant", "Arzimaydi", DAY2.plusSeconds(30), "gpt-4o", 150, 5);
        long nodiraChat = rows.chat(nodira, "Привет", "gpt-4o", DAY2, 50, 1, null);
        rows.message(nodiraChat, 1, "user", "Как дела?", DAY2, null, null, null);
        db.insertInto(MODEL)
                .set(MODEL.NAME, "Qonunlar")
                .set(MODEL.BASE_MODEL, "gpt-4o-mini")
                .set(MODEL.FILE, "q.pdf")
                .set(MODEL.VECTOR, "minilm")
                .set(MODEL.STATUS, "ready")
                .set(MODEL.DATE, DAY1)
                .execute();
    }

    @Test
    void totalsCountEverything() {
        assertThat(new JooqUsageStats(db, java.time.Clock.systemUTC()).totals()).isEqualTo(new UsageTotals(3, 2, 1, 2, 3, 2, 250, 25, 1));
    }

    @Test
    void dailyUsageGroupsByUtcDay() {
        var daily = new JooqUsageStats(db, java.time.Clock.systemUTC()).daily(new DateRange(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21)));

        assertThat(daily).containsExactly(
                new DailyUsage(LocalDate.of(2026, 11, 20), 1, 1, 1, 100, 20, Map.of("gpt-4o-mini", 1L)),
                new DailyUsage(LocalDate.of(2026, 11, 21), 2, 2, 1, 150, 5, Map.of("gpt-4o", 1L)));
    }

    @Test
    void usersComeWithTheirCountsAndCanBeSearchedAndSorted() {
        JooqUserReport report = new JooqUserReport(db);

        Page<UserOverview> byMessages = report.search(new UserSearch("", UserSort.MESSAGES, false, 1, 2));
        assertThat(byMessages.total()).isEqualTo(3);
        assertThat(byMessages.pages()).isEqualTo(2);
        assertThat(byMessages.items()).extracting(UserOverview::username).containsExactly("aziz", "nodira");
        UserOverview first = byMessages.items().getFirst();
        assertThat(first.chats()).isEqualTo(1);
        assertThat(first.messages()).isEqualTo(2);
        assertThat(first.lastActiveAt()).isEqualTo(Times.fromDb(DAY2.plusSeconds(30)));

        assertThat(report.search(new UserSearch("NODIRA@", UserSort.REGISTERED, true, 1, 20)).items())
                .singleElement().satisfies(u -> {
                    assertThat(u.id()).isEqualTo(nodira);
                    assertThat(u.blocked()).isTrue();
                    assertThat(u.emailVerified()).isFalse();
                });
        assertThat(report.search(new UserSearch("%", UserSort.USERNAME, true, 1, 20)).items()).isEmpty();
    }

    @Test
    void chatsAreFilteredByUserModelDayAndText() {
        JooqChatArchive archive = new JooqChatArchive(db);

        assertThat(archive.search(new ChatSearch("", "", null, null, "", 1, 20)).items()).hasSize(2);
        assertThat(archive.search(new ChatSearch("AZ", "", null, null, "", 1, 20)).items())
                .extracting(ChatOverview::id).containsExactly(azizChat);
        assertThat(archive.search(new ChatSearch("", "gpt-4o", null, null, "", 1, 20)).items())
                .extracting(ChatOverview::username).containsExactly("nodira");
        assertThat(archive.search(new ChatSearch("", "", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20), "", 1, 20)).items())
                .extracting(ChatOverview::id).containsExactly(azizChat);
        assertThat(archive.search(new ChatSearch("", "", null, null, "viii ASR", 1, 20)).items())
                .extracting(ChatOverview::id).containsExactly(azizChat);
    }

    @Test
    void everyChatIsListedNewestFirstPageByPage_withOrWithoutAUserFilter() {
        Rows rows = new Rows(db);
        long olim = db.fetchSingle("select id from user where username = 'olim'").get(0, Long.class);
        List<Long> newestFirst = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            newestFirst.addFirst(rows.chat(i % 2 == 0 ? olim : aziz, "Suhbat " + i, "gpt-4o-mini", DAY2.plusHours(1 + i), 50, 0, null));
        }
        // then the two chats of data(), older: aziz's (updated by its message at DAY2 + 30 s), nodira's (DAY2)
        JooqChatArchive archive = new JooqChatArchive(db);
        Page<ChatOverview> first = archive.search(new ChatSearch("", "", null, null, "", 1, 4));
        assertThat(first.total()).isEqualTo(9);
        assertThat(first.items()).extracting(ChatOverview::id).containsExactlyElementsOf(newestFirst.subList(0, 4));
        List<Long> second = new java.util.ArrayList<>(newestFirst.subList(4, 7));
        second.add(azizChat);
        assertThat(archive.search(new ChatSearch("", "", null, null, "", 2, 4)).items()).extracting(ChatOverview::id)
                .containsExactlyElementsOf(second);
        assertThat(archive.search(new ChatSearch("", "", null, null, "", 3, 4)).items()).extracting(ChatOverview::username)
                .containsExactly("nodira");
        Page<ChatOverview> olims = archive.search(new ChatSearch("olim", "", null, null, "", 1, 3));
        assertThat(olims.total()).isEqualTo(4);
        assertThat(olims.items()).extracting(ChatOverview::username).containsOnly("olim");
        assertThat(olims.items()).extracting(ChatOverview::id).isSortedAccordingTo(
                java.util.Comparator.comparingInt(newestFirst::indexOf));
    }

    @Test
    void aTranscriptHasEveryMessageInOrder() {
        var transcript = new JooqChatArchive(db).transcript(azizChat).orElseThrow();

        assertThat(transcript.chat().username()).isEqualTo("aziz");
        assertThat(transcript.userEmail()).isEqualTo("aziz@example.uz");
        assertThat(transcript.messages()).extracting(m -> m.rank() + " " + m.role())
                .containsExactly("1 user", "2 assistant", "3 user", "4 assistant");
        assertThat(new JooqChatArchive(db).transcript(azizChat + 1000)).isEmpty();
    }

    @Test
    void allTranscriptsOfOneUserComeNewestFirst() {
        Rows rows = new Rows(db);
        long older = rows.chat(aziz, "Eski", "gpt-4o-mini", DAY1.minusDays(3), 50, 0, null);

        assertThat(new JooqChatArchive(db).transcriptsOfUser(aziz)).extracting(t -> t.chat().id()).containsExactly(azizChat, older);
        assertThat(new JooqChatArchive(db).transcriptsOfUser(aziz + 1000)).isEmpty();
    }
}

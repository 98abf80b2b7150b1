package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.report.ChatOverview;
import uz.suhbat.domain.report.ChatSearch;
import uz.suhbat.domain.report.Page;

/** The admin's text search in chats on the embedded MariaDB: the FULLTEXT index, apostrophes, short terms. */
class JooqChatTextSearchTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 20, 9, 0);

    private DSLContext db;
    private JooqChatArchive archive;
    /** Looks at no chat one by one: every query with an indexed word goes to the FULLTEXT index. */
    private JooqChatArchive indexOnly;
    private long uzbek;
    private long victory;
    private long teacher;
    private long city;
    private long percent;

    @BeforeEach
    void data() {
        db = TestDatabase.emptied();
        archive = new JooqChatArchive(db);
        indexOnly = new JooqChatArchive(db, 0, 1_000);
        Rows rows = new Rows(db);
        long user = rows.user("aziz", AT, true, false);
        uzbek = chat(rows, user, "Oʻzbekiston poytaxti qayer?", "Toshkent.");
        victory = chat(rows, user, "G‘alaba kuni qachon?", "9-may.");
        teacher = chat(rows, user, "Yaxshi o`qituvchi kim?", "Sabrli odam.");
        city = chat(rows, user, "Samarqand qachon qurilgan?", "Miloddan avvalgi VIII asrda.");
        percent = chat(rows, user, "Chegirma 100% bo'ladimi?", "Yo'q, 10 foiz.");
        chat(rows, user, "Kitob haqida", "Bu bir hikoya.");
    }

    private static long chat(Rows rows, long user, String question, String answer) {
        long chat = rows.chat(user, question, "gpt-4o-mini", AT, 50, 1, null);
        rows.message(chat, 1, "user", question, AT, null, null, null);
        rows.message(chat, 2, "assistant", answer, AT.plusMinutes(1), "gpt-4o-mini", 10, 5);
        return chat;
    }

    /** What the search finds, the same whether the chats are checked one by one or the FULLTEXT index is asked. */
    private List<Long> found(String text) {
        ChatSearch search = new ChatSearch("", "", null, null, text, 1, 50);
        Page<ChatOverview> oneByOne = archive.search(search);
        Page<ChatOverview> index = indexOnly.search(search);
        assertThat(index.items()).as("through the index: " + text).isEqualTo(oneByOne.items());
        assertThat(index.total()).isEqualTo(oneByOne.total()).isEqualTo(oneByOne.items().size());
        assertThat(oneByOne.estimated()).isFalse();
        assertThat(oneByOne.searchedNewest()).isZero();
        return oneByOne.items().stream().map(ChatOverview::id).toList();
    }

    @Test
    void everyApostropheOfUzbekLatinMatchesEveryOther() {
        for (String query : List.of("o'zbekiston", "oʻzbekiston", "o‘zbekiston", "o’zbekiston", "o`zbekiston", "OʼZBEKISTON")) {
            assertThat(found(query)).as(query).containsExactly(uzbek);
        }
        assertThat(found("g'alaba")).containsExactly(victory);
        assertThat(found("gʻalaba kuni")).containsExactly(victory);
        assertThat(found("o'qituvchi")).containsExactly(teacher);
        assertThat(found("yo‘q")).containsExactly(percent);
    }

    @Test
    void wordsAndTheBeginningsOfWordsAreFoundByTheIndexCaseBlind() {
        assertThat(found("samarq")).containsExactly(city);
        assertThat(found("viii ASR")).containsExactly(city);
        assertThat(found("toshkent")).containsExactly(uzbek);
        // the words of a query must stand together in one message, as typed
        assertThat(found("samarqand asrda")).isEmpty();
        assertThat(found("qurilgan samarqand")).isEmpty();
        assertThat(found("nimadir")).isEmpty();
        assertThat(new ChatTextSearch(db).booleanQuery("Samarqand, o‘qituvchi!")).isEqualTo("+samarqand* +oqituvchi*");
    }

    @Test
    void theIndexAnswersAQueryOfWholeWords() {
        String plan = db.fetch("explain select chat_id from chat_history where match(search_text) against (? in boolean mode)", "+samarqand*")
                .format();
        assertThat(plan).contains("ix_chat_history_search").contains("fulltext");
    }

    @Test
    void shortTermsAndStopWordsFallBackToASubstringSearch() {
        ChatTextSearch search = new ChatTextSearch(db);
        assertThat(search.booleanQuery("qa")).isEmpty();
        assertThat(search.booleanQuery("the")).isEmpty();
        assertThat(found("qa")).containsExactlyInAnyOrder(uzbek, victory, city);
        assertThat(found("ton")).as("long enough for the index: found only at the beginning of a word")
                .isEmpty();
        assertThat(found("shk")).isEmpty();
        assertThat(found("9-")).containsExactly(victory);
    }

    @Test
    void likeWildcardsInTheQueryAreTakenLiterally() {
        assertThat(found("100%")).containsExactly(percent);
        assertThat(found("%")).containsExactly(percent);
        assertThat(found("_")).isEmpty();
    }

    @Test
    void aTextInEnoughOfTheNewestChatsForThePageIsCommonAndItsTotalEstimatedFromThem() {
        Rows rows = new Rows(db);
        long user = rows.user("bobur", AT, true, false);
        List<Long> newestFirst = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long chat = rows.chat(user, "salom " + i, "gpt-4o", AT.plusHours(i), 50, 1, null);
            rows.message(chat, 1, "user", "Salom, bu sinov xabari " + i, AT.plusHours(i), null, null, null);
            newestFirst.addFirst(chat);
        }
        // (the chats are updated at AT: Rows sets updated = date, so the newest are the last made)
        JooqChatArchive small = new JooqChatArchive(db, 4, 4);

        Page<ChatOverview> page = small.search(new ChatSearch("", "", null, null, "sinov", 1, 2));

        assertThat(page.items()).extracting(ChatOverview::id).containsExactlyElementsOf(newestFirst.subList(0, 2));
        // 4 of the newest 4 of 18 chats had it: about 18
        assertThat(page.estimated()).isTrue();
        assertThat(page.total()).isEqualTo(18);
        // page 2 comes from a larger sample of the newest chats, in the same order
        assertThat(small.search(new ChatSearch("", "", null, null, "sinov", 2, 2)).items()).extracting(ChatOverview::id)
                .containsExactlyElementsOf(newestFirst.subList(2, 4));
        // a rarer text (in 1 of the newest 4) is counted exactly through the index
        Page<ChatOverview> rare = small.search(new ChatSearch("", "", null, null, "samarqand", 1, 2));
        assertThat(rare.estimated()).isFalse();
        assertThat(rare.items()).extracting(ChatOverview::id).containsExactly(city);
        assertThat(rare.total()).isEqualTo(1);
    }

    @Test
    void aTermTooShortForTheIndexIsLookedForInTheNewestChatsOnlyAndSaysSo() {
        Rows rows = new Rows(db);
        long user = rows.user("bobur", AT, true, false);
        for (int i = 0; i < 5; i++) {
            long chat = rows.chat(user, "yangi " + i, "gpt-4o", AT.plusHours(i + 1), 50, 1, null);
            rows.message(chat, 1, "user", "Yangi xabar " + i, AT.plusHours(i + 1), null, null, null);
        }
        JooqChatArchive small = new JooqChatArchive(db, 4, 4);

        // "qa" is in three of the six older chats only
        Page<ChatOverview> page = small.search(new ChatSearch("", "", null, null, "qa", 1, 1));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(page.searchedNewest()).isEqualTo(4);
        assertThat(page.estimated()).isFalse();
    }

    @Test
    void estimatesAreRoundedToTwoDigitsAndNeverBelowWhatWasFound() {
        assertThat(JooqChatArchive.estimate(300, 300, 20_000)).isEqualTo(20_000);
        assertThat(JooqChatArchive.estimate(37, 300, 20_000)).isEqualTo(2_500);
        assertThat(JooqChatArchive.estimate(30, 300, 123)).isEqualTo(30);
        assertThat(JooqChatArchive.estimate(2, 4, 18)).isEqualTo(9);
    }
}

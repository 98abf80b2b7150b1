package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.report.ChatOverview;
import uz.suhbat.domain.report.ChatSearch;

/** The admin's text search in chats on the embedded MariaDB: the FULLTEXT index, apostrophes, short terms. */
class JooqChatTextSearchTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 20, 9, 0);

    private DSLContext db;
    private JooqChatArchive archive;
    private long uzbek;
    private long victory;
    private long teacher;
    private long city;
    private long percent;

    @BeforeEach
    void data() {
        db = TestDatabase.emptied();
        archive = new JooqChatArchive(db);
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

    private List<Long> found(String text) {
        return archive.search(new ChatSearch("", "", null, null, text, 1, 50)).items().stream().map(ChatOverview::id).toList();
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
}

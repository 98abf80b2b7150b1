package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.conversation.ChatSearchRepository.Found;
import uz.suhbat.application.port.out.conversation.ChatSearchRepository.FoundMessage;
import uz.suhbat.domain.chat.SearchTerm;

/**
 * A user's search of their own chats on the embedded MariaDB, with more chats than the first look reads, so that each
 * way {@link JooqChatSearch} answers is taken: the first look, the FULLTEXT index restricted to the user, the user's own
 * messages for a word everyone else writes, and the substring scan for a two-letter term. Each must find what reading
 * every message of the user would find.
 */
class JooqChatSearchTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 1, 8, 0);

    private DSLContext db;
    private long me;
    private final List<Long> mine = new ArrayList<>();

    @BeforeEach
    void data() {
        db = TestDatabase.emptied();
        Rows rows = new Rows(db);
        me = rows.user("men", T0, true, false);
        long other = rows.user("boshqa", T0, true, false);
        int chats = JooqChatSearch.FIRST_LOOK + 20;
        for (int i = 0; i < chats; i++) {
            // i = 0 is the oldest chat; the first look reads the newest FIRST_LOOK
            String answer = switch (i) {
                case 0 -> "Buyuk Ipak yoʻli Samarqanddan oʻtgan. Xiva ham.";
                case 1 -> "Oʻzbekiston poytaxti Toshkent.";
                case 2 -> "Bu yerda begona soʻz bor.";
                default -> "Oddiy javob, kitob haqida " + i + ".";
            };
            long chat = rows.chat(me, i == 3 ? "Eski mavzu" : "Suhbat " + i, "gpt-4o-mini", T0.plusMinutes(i), 50, 1, null);
            rows.message(chat, 1, "user", "Savol " + i, T0.plusMinutes(i), null, null, null);
            rows.message(chat, 2, "assistant", answer, T0.plusMinutes(i).plusSeconds(5), "gpt-4o-mini", 10, 5);
            mine.add(chat);
        }
        // the other user writes "begona" everywhere, and Samarqand once
        for (int i = 0; i < 150; i++) {
            long chat = rows.chat(other, "Begona " + i, "gpt-4o-mini", T0.plusHours(2).plusMinutes(i), 50, 1, null);
            rows.message(chat, 1, "user", "begona savol " + i, T0.plusHours(2).plusMinutes(i), null, null, null);
            rows.message(chat, 2, "assistant", i == 7 ? "Samarqand begona" : "begona javob " + i, T0.plusHours(2).plusMinutes(i).plusSeconds(5),
                    "gpt-4o-mini", 10, 5);
        }
    }

    private List<Found> search(String query) {
        return new JooqChatSearch(db).search(me, SearchTerm.normalise(query), 20, 3);
    }

    @Test
    void aRareWordInAnOldChatIsFoundThroughTheIndexWithItsMessage() {
        List<Found> found = search("samarqand");

        assertThat(found).extracting(Found::chatId).containsExactly(mine.get(0));
        assertThat(found.get(0).titleMatches()).isFalse();
        assertThat(found.get(0).messages()).extracting(FoundMessage::rank).containsExactly(2);
        assertThat(search("ipak yo'li")).extracting(Found::chatId).containsExactly(mine.get(0));
    }

    @Test
    void theApostropheDoesNotMatterAndAWordIsFoundByItsBeginning() {
        assertThat(search("o'zbekiston")).extracting(Found::chatId).containsExactly(mine.get(1));
        assertThat(search("OZBEK")).extracting(Found::chatId).containsExactly(mine.get(1));
        // the index answers words by their beginning; the first look and the scans ask the same
        assertThat(search("bekiston")).isEmpty();
        assertThat(search("yoq narsa")).isEmpty();
    }

    @Test
    void aWordEveryoneElseWritesIsLookedForInTheUsersOwnMessages() {
        assertThat(search("begona")).extracting(Found::chatId).containsExactly(mine.get(2));
    }

    @Test
    void twoLettersAreASubstringOfTheUsersMessagesAndTitlesAreSubstringsToo() {
        assertThat(search("xi")).extracting(Found::chatId).containsExactly(mine.get(0));
        List<Found> byTitle = search("ski mav");
        assertThat(byTitle).extracting(Found::chatId).containsExactly(mine.get(3));
        assertThat(byTitle.get(0).titleMatches()).isTrue();
        assertThat(byTitle.get(0).messages()).isEmpty();
    }

    @Test
    void aShortTermIsCaseBlindInCyrillicToo_andItsSignsAreNoPattern() {
        long cyrillic = mine.get(4);
        db.execute("update chat_history set content = 'Тошкент (пойтахт) — 2,5 млн. киши; йўл, ёмғир' where chat_id = ? and `rank` = 2", cyrillic);
        assertThat(search("ОШ")).extracting(Found::chatId).containsExactly(cyrillic);
        assertThat(search("(п")).extracting(Found::chatId).containsExactly(cyrillic);
        assertThat(search("2,5")).extracting(Found::chatId).containsExactly(cyrillic);
        assertThat(search("2.5")).as("a dot is a dot, not any character").isEmpty();
        assertThat(search("н.")).extracting(Found::chatId).containsExactly(cyrillic);
        assertThat(search("иў")).as("й is not и").isEmpty();
        assertThat(search("Йў")).extracting(Found::chatId).containsExactly(cyrillic);
        assertThat(search("ЕМ")).as("е and ё are written either way").extracting(Found::chatId).containsExactly(cyrillic);
        assertThat(search("емғир")).as("in a word the index holds too").singleElement().satisfies(found -> {
            assertThat(found.chatId()).isEqualTo(cyrillic);
            assertThat(found.messages()).isNotEmpty();
        });
        assertThat(search("то")).as("the content's capital Т").extracting(Found::chatId).containsExactly(cyrillic);
        assertThat(search("$")).isEmpty();
        assertThat(search("\\")).isEmpty();
    }

    @Test
    void aWordInEveryChatGivesTheNewestChatsFromTheFirstLook() {
        List<Found> found = search("kitob");

        assertThat(found).hasSize(20);
        assertThat(found).extracting(Found::chatId).containsExactlyElementsOf(mine.reversed().subList(0, 20));
        assertThat(found).allSatisfy(f -> assertThat(f.messages()).extracting(FoundMessage::rank).containsExactly(2));
    }
}

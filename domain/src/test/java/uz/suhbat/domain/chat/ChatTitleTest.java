package uz.suhbat.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uz.suhbat.domain.shared.ShortText;

class ChatTitleTest {

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i)))) {
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aTitleFromOneLongWordIsNeverCutInsideAnEmoji() {
        // 59 letters, then emoji: UTF-16 unit 60 is the first half of the first emoji
        String word = "a".repeat(59) + "😀".repeat(10);
        String title = ChatTitle.fromFirstMessage(word);
        assertThat(wellFormed(title)).as(title).isTrue();
        assertThat(title).isEqualTo("a".repeat(59) + "…");
        for (int pad = 0; pad < 4; pad++) {
            String emojis = "x".repeat(pad) + "👩‍👩‍👧".repeat(30);
            assertThat(wellFormed(ChatTitle.fromFirstMessage(emojis))).as("pad " + pad).isTrue();
        }
    }

    @Test
    void aUsersOwnTitleIsCutBetweenCharacters() {
        String title = ChatTitle.clean("b".repeat(199) + "🇺🇿🇺🇿");
        assertThat(title).isEqualTo("b".repeat(199));
        assertThat(ChatTitle.clean("  short  title ")).isEqualTo("short title");
        assertThat(ChatTitle.clean(" \n ")).isNull();
    }

    @Test
    void shortTextKeepsWholeCharactersAndFitsTheLimit() {
        assertThat(ShortText.cut("ab😀", 3)).isEqualTo("ab");
        assertThat(ShortText.cut("ab😀", 4)).isEqualTo("ab😀");
        assertThat(ShortText.cut("😀😀😀", 5)).isEqualTo("😀😀");
        assertThat(ShortText.cutWithEllipsis("abcdef", 4)).isEqualTo("abc…");
        assertThat(ShortText.cutWithEllipsis("a😀bc", 3)).isEqualTo("a…");
        assertThat(ShortText.cut("e\u0301e\u0301", 3)).isEqualTo("e\u0301");
    }
}

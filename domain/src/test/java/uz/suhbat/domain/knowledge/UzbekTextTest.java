package uz.suhbat.domain.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UzbekTextTest {

    @Test
    void everyApostropheVariantNormalisesToTheSameText() {
        // given the ways people type "oʻzbek gʻalaba maʼno"
        List<String> variants = List.of(
                "O'zbek g'alaba ma'no", "Oʻzbek gʻalaba maʼno", "O‘zbek g‘alaba ma’no",
                "O`zbek g`alaba ma`no", "Oʼzbek gʼalaba maʻno", "O´zbek g´alaba ma´no");

        // when / then
        assertThat(variants).extracting(UzbekText::normalize).containsOnly("o'zbek g'alaba ma'no");
    }

    @Test
    void composesDecomposedLettersAndLowersWithoutTheDefaultLocale() {
        assertThat(UzbekText.normalize("Ё\u0308Ж I")).isEqualTo(UzbekText.normalize("Ё̈ж i"));
        assertThat(UzbekText.normalize("Cafe\u0301")).isEqualTo("café");
        assertThat(UzbekText.normalize("ISTANBUL")).isEqualTo("istanbul");
    }

    @Test
    void wordsKeepApostrophesInsideWordsOnly() {
        // when
        List<String> words = UzbekText.words("‘Oʻzbekiston’ — «gʻalaba», ma’no!");

        // then
        assertThat(words).containsExactly("o'zbekiston", "g'alaba", "ma'no");
    }

    @Test
    void wordsCoverCyrillicAndNumbers() {
        assertThat(UzbekText.words("Тошкент шаҳри 2024-йил, 3.5 km; Ўзбекистон"))
                .containsExactly("тошкент", "шаҳри", "2024", "йил", "3", "5", "km", "ўзбекистон");
    }

    @Test
    void wordsOfPunctuationAloneAreNone() {
        assertThat(UzbekText.words(" ' ‘’ -- ... ")).isEmpty();
        assertThat(UzbekText.words("")).isEmpty();
    }
}

package uz.suhbat.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTermTest {

    @Test
    void aTermIsLowerCaseWithoutApostrophes_andTooShortATermIsNone() {
        assertThat(SearchTerm.of("Oʻzbek").normal()).isEqualTo("ozbek");
        assertThat(SearchTerm.of("  o'  ")).isNull();
    }

    @Test
    void theSnippetMarksTheMatchAsWrittenWhateverItsCaseAndApostrophe() {
        SearchTerm.Snippet snippet = SearchTerm.of("o'zbekiston").snippetOf("Poytaxti: OʻZBEKISTON shahri emas, Toshkent.", 10);
        assertThat(snippet.match()).isEqualTo("OʻZBEKISTON");
        assertThat(snippet.before()).isEqualTo("Poytaxti: ");
        assertThat(snippet.after()).isEqualTo(" shahri…");
    }

    @Test
    void cyrillicYoAndYeAreOneLetterBothWays() {
        assertThat(SearchTerm.of("ем").snippetOf("Кеча ёмғир ёғди", 20).match()).isEqualTo("ём");
        assertThat(SearchTerm.of("ЁЛКА").snippetOf("Янги йил елкаси", 20).match()).isEqualTo("елка");
    }

    @Test
    void aTermNotInTheMessageGivesItsBeginningUnmarked() {
        SearchTerm.Snippet snippet = SearchTerm.of("yoq").snippetOf("Bu yerda hech narsa topilmaydi", 5);
        assertThat(snippet.match()).isEmpty();
        assertThat(snippet.before()).startsWith("Bu yerda");
    }
}

package uz.suhbat.domain.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Uzbek words meet whatever their suffixes, apostrophes or script; the language of a text is told apart. */
class UzbekTermsTest {

    private final Terms terms = new Terms(Terms.WHOLE_WORDS);

    @Test
    void nounCasesPluralAndPossessivesReduceToOneStem() {
        assertThat(List.of("sud", "sudni", "sudga", "sudda", "suddan", "sudning", "sudlar", "sudlarga"))
                .extracting(UzbekStemmer::stem).containsOnly("sud");
        assertThat(List.of("huquq", "huquqi", "huquqiga", "huquqlari", "huquqlarini", "huquqlaridan"))
                .extracting(UzbekStemmer::stem).containsOnly("huquq");
        assertThat(UzbekStemmer.stem("soatga")).isEqualTo(UzbekStemmer.stem("soatda"));
        assertThat(UzbekStemmer.stem("uyushmasiga")).isEqualTo(UzbekStemmer.stem("uyushma"));
    }

    @Test
    void verbEndingsAndQuestionParticlesAreStripped() {
        assertThat(UzbekStemmer.stem("majburiymi")).isEqualTo(UzbekStemmer.stem("majburiy"));
        assertThat(UzbekStemmer.stem("tanlash")).isEqualTo(UzbekStemmer.stem("tanlashi"));
        assertThat(UzbekStemmer.stem("qilingan")).isEqualTo(UzbekStemmer.stem("qilinadi"));
    }

    @Test
    void shortWordsAndNumbersStayWhole() {
        assertThat(UzbekStemmer.stem("bir")).isEqualTo("bir");
        assertThat(UzbekStemmer.stem("2019-yilda")).isEqualTo("2019-yilda");
        assertThat(UzbekStemmer.stem("o'zi")).isEqualTo("o'zi");
    }

    @Test
    void cyrillicAndLatinSpellingsGiveTheSameTerms() {
        // given one sentence in both scripts, the Latin one typed with three kinds of apostrophe
        String cyrillic = "Ҳар бир инсон ўз мамлакатига қайтиб келиш ҳуқуқига эгадир, таълим ва ғоялар.";
        String latin = "Har bir inson oʻz mamlakatiga qaytib kelish huquqiga egadir, ta`lim va g‘oyalar.";

        // then
        assertThat(terms.of(cyrillic, Language.UZBEK)).isEqualTo(terms.of(latin, Language.UZBEK));
        assertThat(UzbekScript.toLatin("ёшлар ерда еди ўқувчи")).isEqualTo("yoshlar yerda yedi o'quvchi");
    }

    @Test
    void theLanguageOfATextIsToldApart() {
        assertThat(Language.detect("Har bir inson bilim olish huquqiga egadir.", null)).isEqualTo(Language.UZBEK);
        assertThat(Language.detect("Ҳар бир инсон билим олиш ҳуқуқига эгадир.", null)).isEqualTo(Language.UZBEK);
        assertThat(Language.detect("Каждый человек имеет право на образование.", null)).isEqualTo(Language.RUSSIAN);
        assertThat(Language.detect("Everyone has the right to education.", null)).isEqualTo(Language.ENGLISH);
        // a question with no telling word falls back to what the caller knows
        assertThat(Language.detect("Toshkent?", Language.UZBEK)).isEqualTo(Language.UZBEK);
    }
}

package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uz.suhbat.domain.knowledge.Language;

class SnowballStemmersTest {

    private final SnowballStemmers stemmers = new SnowballStemmers();

    @Test
    void englishFormsMeetAndDifferentWordsStayApart() {
        assertThat(stemmers.stem(Language.ENGLISH, "published")).isEqualTo(stemmers.stem(Language.ENGLISH, "publishes"));
        // five-letter prefixes made these three one term
        assertThat(stemmers.stem(Language.ENGLISH, "published")).isNotEqualTo(stemmers.stem(Language.ENGLISH, "public"));
        assertThat(stemmers.stem(Language.ENGLISH, "public")).isNotEqualTo(stemmers.stem(Language.ENGLISH, "publisher"));
    }

    @Test
    void russianCaseFormsMeet() {
        assertThat(stemmers.stem(Language.RUSSIAN, "убежища")).isEqualTo(stemmers.stem(Language.RUSSIAN, "убежище"));
        assertThat(stemmers.stem(Language.RUSSIAN, "образования")).isEqualTo(stemmers.stem(Language.RUSSIAN, "образование"));
    }

    @Test
    void stopWordsStemToNothingAndUzbekIsLeftToTheDomain() {
        assertThat(stemmers.stem(Language.ENGLISH, "the")).isEmpty();
        assertThat(stemmers.stem(Language.RUSSIAN, "и")).isEmpty();
        assertThat(stemmers.stem(Language.UZBEK, "huquqlari")).isEqualTo("huquqlari");
    }
}

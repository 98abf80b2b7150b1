package uz.suhbat.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void browserTagsMapToOurFourLanguages() {
        assertThat(Language.of("uz")).contains(Language.UZBEK_LATIN);
        assertThat(Language.of("uz-UZ")).contains(Language.UZBEK_LATIN);
        assertThat(Language.of("uz-Latn-UZ")).contains(Language.UZBEK_LATIN);
        assertThat(Language.of("uz-Cyrl")).contains(Language.UZBEK_CYRILLIC);
        assertThat(Language.of("UZ_cyrl_uz")).contains(Language.UZBEK_CYRILLIC);
        assertThat(Language.of("ru-RU")).contains(Language.RUSSIAN);
        assertThat(Language.of("en-GB")).contains(Language.ENGLISH);
    }

    @Test
    void unknownTagsAreEmptyAndDefaultToUzbekLatin() {
        assertThat(Language.of("de")).isEmpty();
        assertThat(Language.of("")).isEmpty();
        assertThat(Language.of(null)).isEmpty();
        assertThat(Language.orDefault("tr")).isEqualTo(Language.UZBEK_LATIN);
        assertThat(Language.orDefault("uz-Cyrl").tag()).isEqualTo("uz-Cyrl");
    }
}

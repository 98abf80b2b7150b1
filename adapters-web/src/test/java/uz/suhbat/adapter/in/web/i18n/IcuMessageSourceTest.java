package uz.suhbat.adapter.in.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real bundles through ICU4J: plurals, numbers and the script of Uzbek as each language writes them. */
class IcuMessageSourceTest {

    private final IcuMessageSource messages = source();

    private static IcuMessageSource source() {
        IcuMessageSource source = new IcuMessageSource();
        source.setBasenames("i18n/messages", "i18n/api", "i18n/chat", "i18n/admin");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private String retry(String language, long minutes) {
        return messages.getMessage("login.retryIn", new Object[] {Map.of("minutes", minutes)}, Locale.forLanguageTag(language));
    }

    @Test
    void russianHasItsThreeFormsOfAWordAfterANumber() {
        assertThat(retry("ru", 1)).isEqualTo("Повторить попытку можно через 1 минуту.");
        assertThat(retry("ru", 3)).isEqualTo("Повторить попытку можно через 3 минуты.");
        assertThat(retry("ru", 5)).isEqualTo("Повторить попытку можно через 5 минут.");
        assertThat(retry("ru", 21)).isEqualTo("Повторить попытку можно через 21 минуту.");
        assertThat(retry("ru", 14)).isEqualTo("Повторить попытку можно через 14 минут.");
    }

    @Test
    void englishSaysOneMinuteAndUzbekNeedsNoPlural() {
        assertThat(retry("en", 1)).isEqualTo("You can try again in 1 minute.");
        assertThat(retry("en", 15)).isEqualTo("You can try again in 15 minutes.");
        assertThat(retry("uz", 1)).isEqualTo("1 daqiqadan keyin qayta urinib koʻrishingiz mumkin.");
        assertThat(retry("uz-Cyrl", 15)).isEqualTo("15 дақиқадан кейин қайта уриниб кўришингиз мумкин.");
    }

    @Test
    void numbersAreGroupedAsEachLanguageDoes() {
        Object[] answers = {Map.of("n", 12345L)};
        assertThat(messages.getMessage("admin.totals.answers", answers, Locale.ENGLISH)).isEqualTo("12,345 answers");
        assertThat(messages.getMessage("admin.totals.answers", answers, Locale.forLanguageTag("ru"))).isEqualTo("12\u00a0345 ответов");
    }

    @Test
    void uzbekCyrillicIsItsOwnBundleAndPlainUzbekIsLatin() {
        assertThat(messages.getMessage("login.title", null, Locale.forLanguageTag("uz-Cyrl"))).isEqualTo("Ҳисобингизга киринг");
        assertThat(messages.getMessage("login.title", null, Locale.forLanguageTag("uz"))).isEqualTo("Hisobingizga kiring");
    }

    @Test
    void aTextAskedForWithoutArgumentsComesBackAsWrittenForThePageScript() {
        assertThat(messages.getMessage("chat.left", null, Locale.ENGLISH))
                .isEqualTo("{n, plural, one {# message left} other {# messages left}} in this chat.");
    }
}

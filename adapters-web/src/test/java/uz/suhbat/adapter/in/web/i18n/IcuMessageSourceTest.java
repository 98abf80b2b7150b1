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
        assertThat(retry("uz", 1)).isEqualTo("1 daqiqadan soʻng qayta urinib koʻring.");
        assertThat(retry("uz-Cyrl", 15)).isEqualTo("15 дақиқадан сўнг қайта уриниб кўринг.");
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

    /** Issue 16: the lockout said "1 minutes" and read awkwardly in Uzbek; the two lines read as one natural message. */
    @Test
    void theLockoutReadsNaturallyInEveryLanguage() {
        Locale uz = Locale.forLanguageTag("uz");
        assertThat(messages.getMessage("login.throttled", null, uz) + " " + retry("uz", 5))
                .isEqualTo("Kirishga urinishlar juda koʻp boʻldi. 5 daqiqadan soʻng qayta urinib koʻring.");
        assertThat(messages.getMessage("login.throttled", null, Locale.forLanguageTag("uz-Cyrl")) + " " + retry("uz-Cyrl", 1))
                .isEqualTo("Киришга уринишлар жуда кўп бўлди. 1 дақиқадан сўнг қайта уриниб кўринг.");
        assertThat(messages.getMessage("login.throttled", null, Locale.ENGLISH) + " " + retry("en", 1))
                .isEqualTo("Too many attempts. You can try again in 1 minute.");
        assertThat(messages.getMessage("admin.login.throttled", null, Locale.forLanguageTag("ru")) + " " + retry("ru", 2))
                .isEqualTo("Слишком много попыток входа. Повторить попытку можно через 2 минуты.");
    }

    @Test
    void uzbekWordingChosenForTheComposerTheDeviceSignOutAndTheRelevance() {
        Locale uz = Locale.forLanguageTag("uz");
        assertThat(messages.getMessage("chat.prompt.placeholder", null, uz)).isEqualTo("Xabar yozing…");
        assertThat(messages.getMessage("profile.signOutDevice", null, uz)).isEqualTo("Tizimdan chiqarish");
        assertThat(messages.getMessage("admin.models.score", null, uz)).isEqualTo("moslik");
        assertThat(messages.getMessage("chat.prompt.placeholder", null, Locale.forLanguageTag("uz-Cyrl"))).isEqualTo("Хабар ёзинг…");
    }
}

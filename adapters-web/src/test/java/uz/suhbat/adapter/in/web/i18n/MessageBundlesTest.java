package uz.suhbat.adapter.in.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text exists in all four languages, and none is left untranslated by accident.
 *
 * <p>When a key is added in Uzbek (Latin) and English only, {@link #everyLanguageHasEveryKeyAndNoEmptyText} names
 * each missing key with its file, language and Uzbek text, for example
 * {@code i18n/admin_ru.properties (Russian): admin.foo is missing; Uzbek (Latin) says "…"}.
 */
class MessageBundlesTest {

    private static final String[] BUNDLES = {"messages", "api", "chat", "admin"};

    /** File suffix → language, in the order the failures are listed. */
    private static final Map<String, String> LANGUAGES = new LinkedHashMap<>();

    static {
        LANGUAGES.put("", "Uzbek (Latin)");
        LANGUAGES.put("_uz_Cyrl", "Uzbek (Cyrillic)");
        LANGUAGES.put("_ru", "Russian");
        LANGUAGES.put("_en", "English");
    }

    private static final Map<String, ULocale> LOCALES = Map.of(
            "", ULocale.forLanguageTag("uz"), "_uz_Cyrl", ULocale.forLanguageTag("uz-Cyrl"),
            "_ru", ULocale.forLanguageTag("ru"), "_en", ULocale.ENGLISH);

    /**
     * Keys whose text may be the same in two languages, each with its reason. Nothing else may be: a text
     * identical to another language's is taken for one that was copied and never translated.
     */
    private static final Map<String, String> SAME_ON_PURPOSE = Map.ofEntries(
            Map.entry("app.name", "the product's name, Suhbat, is written the same in every language"),
            Map.entry("chat.assistant", "the assistant speaks as the product, Suhbat"),
            Map.entry("admin.nav.badge", "'Admin' is the Uzbek and the English word; 'Админ' the Uzbek Cyrillic and the Russian one"),
            Map.entry("chat.model", "'Model' is the Uzbek and the English word; 'Модель' the Uzbek Cyrillic and the Russian one"),
            Map.entry("admin.chats.model", "as chat.model"),
            Map.entry("nav.profile", "'Профиль' is the Uzbek Cyrillic and the Russian word"),
            Map.entry("profile.pageTitle", "as nav.profile"),
            Map.entry("profile.title", "as nav.profile"),
            Map.entry("admin.audit.target", "'Объект' is the Uzbek Cyrillic and the Russian word"),
            Map.entry("admin.audit.who", "as admin.nav.badge"),
            Map.entry("login.password", "'Пароль' is the Uzbek Cyrillic and the Russian word"),
            Map.entry("register.password", "as login.password"),
            Map.entry("admin.connections.model", "as chat.model"),
            Map.entry("admin.connections.kind.ANTHROPIC", "a provider's name, written the same in every language"),
            Map.entry("admin.connections.kind.GEMINI", "a provider's product name, written the same in every language"));

    /** Latin words a Cyrillic text may hold: names, technical settings and e-mail examples. */
    private static final Set<String> LATIN_IN_CYRILLIC = Set.of(
            "Suhbat", "PDF", "CSV", "UTC", "OpenAI", "API", "JSON", "Markdown", "ZIP", "OPENAI_API_KEY", "PDF_MAX_PAGES", "PDF_INGEST_TIMEOUT", "FILES_DIR", "MiniLM", "ONNX",
            // file formats an attachment may have (issue 16), named as everyone writes them
            "TXT", "MD", "DOCX", "PNG", "JPEG", "WebP",
            // the Connections page: providers' and servers' names, the settings file and its keys, web addresses
            "Anthropic", "Google", "Gemini", "Ollama", "Azure", "LM", "Studio", "vLLM", "SECRET_KEY", "OPENAI_", "env", "URL");

    /** Every bundle of one language, file by file; a missing file counts as empty. */
    private static Map<String, Properties> load(String suffix) throws IOException {
        Map<String, Properties> files = new LinkedHashMap<>();
        for (String bundle : BUNDLES) {
            Properties one = new Properties();
            try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + bundle + suffix + ".properties")) {
                if (in != null) {
                    one.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
            files.put("i18n/" + bundle + suffix + ".properties", one);
        }
        return files;
    }

    private static Map<String, String> all(String suffix) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        for (Properties file : load(suffix).values()) {
            file.stringPropertyNames().forEach(key -> texts.put(key, file.getProperty(key)));
        }
        return texts;
    }

    @Test
    void noKeyIsInTwoBundles() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String suffix : LANGUAGES.keySet()) {
            Map<String, String> seen = new TreeMap<>();
            load(suffix).forEach((file, texts) -> texts.stringPropertyNames().forEach(key -> {
                String other = seen.put(key, file);
                if (other != null) {
                    problems.add(key + " is in both " + other + " and " + file);
                }
            }));
        }
        assertThat(problems).as("keys in two bundles").isEmpty();
    }

    @Test
    void everyLanguageHasEveryKeyAndNoEmptyText() throws IOException {
        Map<String, Properties> uzbek = load("");
        List<String> problems = new ArrayList<>();
        for (String suffix : LANGUAGES.keySet()) {
            Map<String, Properties> files = load(suffix);
            for (String bundle : BUNDLES) {
                Properties reference = uzbek.get("i18n/" + bundle + ".properties");
                String file = "i18n/" + bundle + suffix + ".properties";
                Properties texts = files.get(file);
                for (String key : new TreeSet<>(reference.stringPropertyNames())) {
                    if (!texts.containsKey(key)) {
                        problems.add(file + " (" + LANGUAGES.get(suffix) + "): " + key + " is missing; Uzbek (Latin) says \""
                                + reference.getProperty(key) + "\"");
                    } else if (texts.getProperty(key).isBlank()) {
                        problems.add(file + " (" + LANGUAGES.get(suffix) + "): " + key + " is empty");
                    }
                }
                for (String key : new TreeSet<>(texts.stringPropertyNames())) {
                    if (!reference.containsKey(key)) {
                        problems.add(file + " (" + LANGUAGES.get(suffix) + "): " + key + " is not in i18n/" + bundle
                                + ".properties (Uzbek, Latin), the list of every key");
                    }
                }
            }
        }
        assertThat(problems).as("texts missing in a language").isEmpty();
        for (String suffix : LANGUAGES.keySet()) {
            assertThat(all(suffix)).as("key count of " + LANGUAGES.get(suffix)).hasSameSizeAs(all(""));
        }
    }

    @Test
    void noTextIsIdenticalToAnotherLanguagesButTheJustifiedFew() throws IOException {
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        for (String suffix : LANGUAGES.keySet()) {
            texts.put(suffix, all(suffix));
        }
        List<String> suffixes = List.copyOf(LANGUAGES.keySet());
        List<String> problems = new ArrayList<>();
        Set<String> allowedButUnused = new TreeSet<>(SAME_ON_PURPOSE.keySet());
        for (String key : texts.get("").keySet()) {
            for (int a = 0; a < suffixes.size(); a++) {
                for (int b = a + 1; b < suffixes.size(); b++) {
                    String one = texts.get(suffixes.get(a)).get(key);
                    String other = texts.get(suffixes.get(b)).get(key);
                    if (one != null && one.strip().equals(other == null ? null : other.strip())) {
                        if (SAME_ON_PURPOSE.containsKey(key)) {
                            allowedButUnused.remove(key);
                        } else {
                            problems.add(key + ": " + LANGUAGES.get(suffixes.get(b)) + " is the same as "
                                    + LANGUAGES.get(suffixes.get(a)) + " (\"" + one + "\"); translate it, or add the key with its reason to SAME_ON_PURPOSE");
                        }
                    }
                }
            }
        }
        assertThat(problems).as("texts that look copied from another language").isEmpty();
        assertThat(allowedButUnused).as("SAME_ON_PURPOSE keys that differ anyway: remove them from the list").isEmpty();
    }

    @Test
    void eachTextIsInItsOwnScript() throws IOException {
        Pattern latinWord = Pattern.compile("[A-Za-z][A-Za-z_]*");
        Pattern cyrillic = Pattern.compile("\\p{IsCyrillic}");
        List<String> problems = new ArrayList<>();
        for (String suffix : List.of("_uz_Cyrl", "_ru")) {
            all(suffix).forEach((key, text) -> {
                String words = text.replaceAll("\\{[^{}]*?,\\s*plural\\s*,", "{").replaceAll("\\b(one|few|many|other|zero|two)\\s*\\{", "{")
                        .replaceAll("[\\w.+-]+@[\\w.-]+", "").replaceAll("https?://\\S*", "");
                Matcher m = latinWord.matcher(words);
                while (m.find()) {
                    if (!LATIN_IN_CYRILLIC.contains(m.group()) && !words.contains("{" + m.group() + "}")) {
                        problems.add(key + " (" + LANGUAGES.get(suffix) + ") has the Latin word \"" + m.group() + "\": " + text);
                    }
                }
            });
        }
        for (String suffix : List.of("", "_en")) {
            all(suffix).forEach((key, text) -> {
                if (cyrillic.matcher(text).find()) {
                    problems.add(key + " (" + LANGUAGES.get(suffix) + ") has Cyrillic letters: " + text);
                }
            });
        }
        assertThat(problems).as("texts in the wrong script").isEmpty();
    }

    /**
     * Every text is a valid ICU message pattern with the same arguments in every language, and every plural
     * has the forms its language needs: Russian one, few, many and other ("1 минуту", "2 минуты", "5 минут",
     * "1,5 минуты"), English one and other. Uzbek needs other only: a noun after a number does not change
     * ("1 ta xabar", "5 ta xabar").
     */
    @Test
    void textsAreIcuPatternsWithTheSameArgumentsAndEveryPluralForm() throws IOException {
        Map<String, String> uzbek = all("");
        List<String> problems = new ArrayList<>();
        for (String suffix : LANGUAGES.keySet()) {
            Set<String> needed = suffix.startsWith("_uz") || suffix.isEmpty() ? Set.of("other")
                    : PluralRules.forLocale(LOCALES.get(suffix)).getKeywords();
            all(suffix).forEach((key, text) -> {
                Map<String, Set<String>> plurals = new TreeMap<>();
                Set<String> arguments;
                try {
                    arguments = arguments(text, plurals);
                } catch (IllegalArgumentException invalid) {
                    problems.add(key + " (" + LANGUAGES.get(suffix) + ") is not an ICU message pattern: " + invalid.getMessage());
                    return;
                }
                Set<String> reference = uzbek.containsKey(key) ? arguments(uzbek.get(key), new TreeMap<>()) : arguments;
                if (!arguments.equals(reference)) {
                    problems.add(key + " (" + LANGUAGES.get(suffix) + ") has the arguments " + arguments + ", Uzbek (Latin) " + reference);
                }
                plurals.forEach((argument, forms) -> {
                    if (!forms.containsAll(needed)) {
                        Set<String> lacking = new TreeSet<>(needed);
                        lacking.removeAll(forms);
                        problems.add(key + " (" + LANGUAGES.get(suffix) + "): the plural of {" + argument + "} lacks " + lacking);
                    }
                });
            });
        }
        assertThat(problems).as("message patterns").isEmpty();
    }

    /** The argument names of an ICU pattern; the forms of each plural go to {@code plurals}. */
    private static Set<String> arguments(String text, Map<String, Set<String>> plurals) {
        MessagePattern pattern = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL);
        pattern.parse(text);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START) {
                continue;
            }
            String name = pattern.getSubstring(pattern.getPart(i + 1));
            names.add(name);
            if (part.getArgType() == MessagePattern.ArgType.PLURAL) {
                Set<String> forms = plurals.computeIfAbsent(name, n -> new TreeSet<>());
                int limit = pattern.getLimitPartIndex(i);
                for (int j = i + 2; j < limit; j++) {
                    MessagePattern.Part inner = pattern.getPart(j);
                    if (inner.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                        forms.add(pattern.getSubstring(inner));
                    } else if (inner.getType() == MessagePattern.Part.Type.MSG_START) {
                        j = pattern.getLimitPartIndex(j);
                    }
                }
            }
        }
        return names;
    }

    @Test
    void everyLiteralKeyInTheTemplatesExists() throws IOException {
        Map<String, String> uzbek = all("");
        Pattern literal = Pattern.compile("\\{\\{#tf?}}([a-zA-Z][\\w.]*)[^{]*\\{\\{/tf?}}");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".mustache")).toList()) {
                Matcher m = literal.matcher(Files.readString(template));
                while (m.find()) {
                    if (!uzbek.containsKey(m.group(1))) {
                        missing.add(template.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyProblemAndAnswerFailureTheCoreNamesHasASentence() throws IOException {
        Map<String, String> uzbek = all("");
        for (uz.suhbat.domain.shared.Problem problem : uz.suhbat.domain.shared.Problem.values()) {
            assertThat(uzbek).as(problem.name()).containsKey(Problems.key(problem));
        }
        for (var failure : uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerFailure.values()) {
            assertThat(uzbek).as(failure.name()).containsKey(uz.suhbat.adapter.in.web.chat.AnswerFailures.messageKey(failure));
        }
    }
}

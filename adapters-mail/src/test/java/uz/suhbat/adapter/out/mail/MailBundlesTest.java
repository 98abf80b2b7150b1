package uz.suhbat.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every mail exists in all four languages, names the user ({0}) and carries the link ({1}); none is copied from another language. */
class MailBundlesTest {

    private static final Map<String, String> LANGUAGES = Map.of(
            "", "Uzbek (Latin)", "_uz_Cyrl", "Uzbek (Cyrillic)", "_ru", "Russian", "_en", "English");

    private static Properties load(String suffix) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = MailBundlesTest.class.getResourceAsStream("/mail/messages" + suffix + ".properties")) {
            if (in != null) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    @Test
    void everyLanguageHasEveryMailWithItsLinkAndTheNameWhereThereIsOne() throws IOException {
        Properties uzbek = load("");
        List<String> problems = new ArrayList<>();
        for (var language : LANGUAGES.entrySet()) {
            Properties texts = load(language.getKey());
            for (String key : new TreeSet<>(uzbek.stringPropertyNames())) {
                String text = texts.getProperty(key);
                String file = "mail/messages" + language.getKey() + ".properties (" + language.getValue() + "): ";
                if (text == null || text.isBlank()) {
                    problems.add(file + key + " is missing; Uzbek (Latin) says \"" + uzbek.getProperty(key) + "\"");
                } else if (key.endsWith(".body") && !text.contains("{1}")) {
                    problems.add(file + key + " lacks the link {1}");
                } else if (key.endsWith(".body") && !key.endsWith(".pending.body") && !text.contains("{0}")) {
                    // only the mail to an address still waiting for confirmation greets nobody: its account has no name to give
                    problems.add(file + key + " lacks the user's name {0}");
                } else if (!language.getKey().isEmpty() && text.equals(uzbek.getProperty(key))) {
                    problems.add(file + key + " is the same as in Uzbek (Latin)");
                }
            }
            assertThat(texts.stringPropertyNames()).as("keys of " + language.getValue()).isEqualTo(uzbek.stringPropertyNames());
        }
        assertThat(problems).isEmpty();
    }
}

package uz.suhbat.adapter.in.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Uzbek and English are complete: the same keys, no empty text, and every key a template uses exists. */
class MessageBundlesTest {

    private static final String[] BUNDLES = {"messages", "api", "chat", "admin"};

    /** All bundles of one language together; a missing bundle file counts as empty. */
    private static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        for (String bundle : BUNDLES) {
            try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + bundle + suffix + ".properties")) {
                if (in != null) {
                    Properties one = new Properties();
                    one.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    for (String key : one.stringPropertyNames()) {
                        assertThat(properties).as("key " + key + " in two bundles").doesNotContainKey(key);
                        properties.put(key, one.get(key));
                    }
                }
            }
        }
        return properties;
    }

    @Test
    void uzbekAndEnglishHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties uzbek = load("");
        Properties english = load("_en");

        assertThat(new TreeSet<>(english.stringPropertyNames())).isEqualTo(new TreeSet<>(uzbek.stringPropertyNames()));
        assertThat(uzbek.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(english.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
    }

    @Test
    void everyLiteralKeyInTheTemplatesExists() throws IOException {
        Properties uzbek = load("");
        Pattern literal = Pattern.compile("\\{\\{#t}}([a-zA-Z][\\w.]*)\\{\\{/t}}");
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
}

package uz.suhbat.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md stays true to the code: every Java type it cites in backticks ({@code `ChatService`}),
 * every member it cites of a type ({@code `Chat.withLimit`}, {@code `Throttled…#forAdmins`}) and every file it
 * cites by path ({@code `admin/chat-print.mustache`}) exists in the source tree.
 */
class ArchitectureDocumentTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern CITED = Pattern.compile("`([^`\\s]+)`");
    private static final Pattern TYPE = Pattern.compile("[A-Z][a-z]+[A-Za-z0-9]*[a-z0-9][A-Za-z0-9]*");
    /** Types of libraries and of the browser that the document names; everything else it cites must be ours. */
    private static final Set<String> LIBRARY = Set.of("Executor", "SseEmitter", "OpenAiStreamingChatModel", "AnthropicStreamingChatModel",
            "GoogleAiGeminiStreamingChatModel", "HttpClient", "SecurityFilterChain",
            "Secure", "Splitter", "MessageFormat", "MessageSource", "Intl", "OpenAiEmbeddingModel", "OnnxEmbeddingModel",
            "NullSecurityContextRepository");
    private static final Pattern DECLARATION = Pattern.compile("\\b(?:class|interface|record|enum)\\s+([A-Z][A-Za-z0-9]*)");

    @Test
    void everyTypeMemberAndFileTheArchitectureDocumentCitesExists() throws IOException {
        Map<String, List<Path>> declared = new HashMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> tree = Files.walk(ROOT)) {
            tree.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/") && !p.toString().contains("/node_modules/"))
                    .forEach(files::add);
        }
        for (Path file : files) {
            if (file.toString().endsWith(".java")) {
                Matcher m = DECLARATION.matcher(read(file));
                while (m.find()) {
                    declared.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(file);
                }
            }
        }

        Set<String> missing = new LinkedHashSet<>();
        int checked = 0;
        Matcher cited = CITED.matcher(read(ROOT.resolve("docs/architecture.md")));
        while (cited.find()) {
            String name = cited.group(1).replaceAll("[(),.:;]+$", "").replaceAll("\\(\\)$", "");
            if (name.startsWith("/")) {
                continue; // an address the app serves, not a file
            }
            if (name.contains("/") && name.matches(".*\\.[a-z]{2,9}$")) {
                checked++;
                if (files.stream().noneMatch(f -> f.toString().endsWith("/" + name) || f.toString().endsWith("/" + name.replaceFirst("^.*?/src/", "src/")))) {
                    missing.add(name + " (file)");
                }
                continue;
            }
            String[] parts = name.split("[.#]", 2);
            if (!TYPE.matcher(parts[0]).matches() || parts[0].equals(parts[0].toUpperCase())) {
                continue; // not a type name (a table, a setting, a word in capitals)
            }
            if (LIBRARY.contains(parts[0])) {
                continue;
            }
            checked++;
            List<Path> where = declared.get(parts[0]);
            if (where == null) {
                missing.add(name);
            } else if (parts.length == 2 && !parts[1].isEmpty() && Character.isJavaIdentifierStart(parts[1].charAt(0))) {
                String member = parts[1].split("[.#(]")[0];
                if (where.stream().noneMatch(f -> read(f).matches("(?s).*\\b" + Pattern.quote(member) + "\\b.*"))) {
                    missing.add(name + " (member)");
                }
            }
        }
        assertThat(checked).as("names checked").isGreaterThan(50);
        assertThat(missing).as("names cited in docs/architecture.md that the code does not have").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

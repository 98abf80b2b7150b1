package uz.suhbat.adapter.out.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import uz.suhbat.domain.knowledge.UzbekText;

/**
 * The retrieval evaluation set in {@code src/test/resources/eval}: real, openly licensed documents
 * (see SOURCES.md there), each a text file whose pages are separated by form feeds, and paraphrased
 * questions with the pages that answer them and the answer's words as they stand on the page.
 */
public final class EvaluationSet {

    /** The documents, in the order the questions file first names them. */
    public static final List<String> DOCUMENTS = List.of("udhr-uz-latn", "udhr-uz-cyrl", "udhr-en", "ed-manual-en", "udhr-ru");

    public record Question(String document, String language, Set<Integer> pages, String answer, String text) {

        /** The language group the question is reported under: the document's language. */
        public String group() {
            return EvaluationSet.language(document);
        }

        /** Asked in the other Uzbek script than the document is written in. */
        public boolean otherScript() {
            return document.startsWith("udhr-uz-") && !document.endsWith(language.substring(language.indexOf('-') + 1));
        }
    }

    private EvaluationSet() {
    }

    public static String language(String document) {
        if (document.startsWith("udhr-uz-")) {
            return "Uzbek";
        }
        return document.endsWith("-ru") ? "Russian" : "English";
    }

    /** The pages of a document, in order. */
    public static List<String> pages(String document) {
        return Arrays.stream(read(document + ".txt").split("\f")).map(String::strip).toList();
    }

    public static List<Question> questions() {
        List<Question> questions = new ArrayList<>();
        for (String line : read("questions.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 5 || !DOCUMENTS.contains(f[0])) {
                throw new IllegalStateException("bad question line: " + line);
            }
            Set<Integer> pages = new TreeSet<>();
            for (String page : f[2].split(",")) {
                pages.add(Integer.parseInt(page.strip()));
            }
            questions.add(new Question(f[0], f[1], pages, f[3], f[4]));
        }
        return questions;
    }

    /** Whether {@code text} holds the answer's words in order, whatever the spacing, case, apostrophes or line breaks. */
    public static boolean contains(String text, String answer) {
        return (" " + String.join(" ", UzbekText.words(text)) + " ").contains(" " + String.join(" ", UzbekText.words(answer)) + " ");
    }

    /** Questions by group, in a stable order: every language, then the cross-script subset, then all. */
    public static Map<String, List<Question>> groups(List<Question> questions) {
        Map<String, List<Question>> groups = new LinkedHashMap<>();
        for (String group : List.of("Uzbek", "English", "Russian")) {
            groups.put(group, questions.stream().filter(q -> q.group().equals(group)).toList());
        }
        groups.put("Uzbek, other script", questions.stream().filter(Question::otherScript).toList());
        groups.put("all", questions);
        return groups;
    }

    private static String read(String name) {
        try (InputStream in = EvaluationSet.class.getResourceAsStream("/eval/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource eval/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

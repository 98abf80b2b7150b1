package uz.suhbat.domain.chat;

import java.util.Locale;
import uz.suhbat.domain.knowledge.UzbekText;
import uz.suhbat.domain.shared.ShortText;

/**
 * What a user searches their chats for, compared the way the knowledge engine compares Uzbek ({@link UzbekText}):
 * case does not matter and the apostrophe variants of Uzbek Latin ({@code oʻ o‘ o' o`}) are all one, here by leaving
 * them out, as the stored {@code search_text} of a message does (migration V51), so that {@code ozbek},
 * {@code o'zbek} and {@code oʻzbek} find each other.
 */
public record SearchTerm(String text, String normal) {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 200;
    private static final String APOSTROPHES = "'\u02BB\u02BC\u2018\u2019\u201B\u0060\u00B4\u02B9\u2032";

    /** The term for a query as typed; null when it is blank, shorter than {@link #MIN_LENGTH} or only apostrophes. */
    public static SearchTerm of(String query) {
        if (query == null) {
            return null;
        }
        String text = ShortText.cut(query.replaceAll("\\s+", " ").strip(), MAX_LENGTH);
        String normal = normalise(text);
        return normal.length() < MIN_LENGTH ? null : new SearchTerm(text, normal);
    }

    /** Lower case, NFC, without apostrophes (each variant that {@link UzbekText} unifies, and the ASCII one). */
    public static String normalise(String text) {
        return strip(UzbekText.normalize(text));
    }

    private static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (APOSTROPHES.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Where this term occurs in {@code content}, with some context either side: {@code before}, {@code match} (as
     * written in the content) and {@code after}; empty parts when it does not occur. Cyrillic е and ё are one letter here,
     * as in the search itself.
     */
    public Snippet snippetOf(String content, int context) {
        // the normalised content with, for each of its characters, where it came from
        StringBuilder normalContent = new StringBuilder(content.length());
        int[] origin = new int[content.length() + 1];
        int n = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (APOSTROPHES.indexOf(c) >= 0) {
                continue;
            }
            String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
            if (lower.length() != 1) {
                lower = String.valueOf(c);
            }
            normalContent.append(withoutYo(lower.charAt(0)));
            origin[n++] = i;
        }
        origin[n] = content.length();
        int at = normalContent.indexOf(normal.replace('ё', 'е'));
        if (at < 0) {
            return new Snippet(ShortText.cutWithEllipsis(content.strip(), context * 2), "", "");
        }
        int start = origin[at];
        int end = at + normal.length() >= n ? content.length() : origin[at + normal.length() - 1] + 1;
        int from = Math.max(0, start - context);
        int to = Math.min(content.length(), end + context);
        // do not cut a word (or a surrogate pair) in half at the edges
        while (from > 0 && from < start && !Character.isWhitespace(content.charAt(from - 1))) {
            from++;
        }
        while (to < content.length() && to > end && !Character.isWhitespace(content.charAt(to))) {
            to--;
        }
        String before = (from > 0 ? "…" : "") + content.substring(from, start).replaceAll("\\s+", " ").stripLeading();
        String after = content.substring(end, to).replaceAll("\\s+", " ").stripTrailing() + (to < content.length() ? "…" : "");
        return new Snippet(before, content.substring(start, end), after);
    }

    /** Cyrillic ё as е: people write either, and the search finds either for either. */
    private static char withoutYo(char c) {
        return c == 'ё' ? 'е' : c;
    }

    /** A piece of a message around a match; the screen marks {@code match}. */
    public record Snippet(String before, String match, String after) {
    }
}

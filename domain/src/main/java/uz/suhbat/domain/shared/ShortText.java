package uz.suhbat.domain.shared;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Cuts text to a length limit without breaking a character: never between the two halves of a
 * surrogate pair (an emoji, which the database would store as {@code ?}), and where possible not
 * inside a user-perceived character either (a flag, a family emoji, a letter with its accent).
 */
public final class ShortText {

    private ShortText() {
    }

    /** {@code text} itself when it has at most {@code maxChars} UTF-16 units, otherwise its longest whole-character prefix that fits. */
    public static String cut(String text, int maxChars) {
        if (maxChars < 0) {
            throw new IllegalArgumentException("maxChars < 0");
        }
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int end = characters.preceding(maxChars + 1);
        if (end <= 0 || end == BreakIterator.DONE) {
            // one user-perceived character longer than the limit: fall back to whole code points
            end = maxChars;
            if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
        }
        return text.substring(0, end);
    }

    /** Like {@link #cut}, with {@code …} at the end (counted in the limit) when something was cut. */
    public static String cutWithEllipsis(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        return cut(text, maxChars - 1) + "…";
    }
}

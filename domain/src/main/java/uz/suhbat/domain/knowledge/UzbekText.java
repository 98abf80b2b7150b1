package uz.suhbat.domain.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one normalisation applied to document text and to questions alike, so that the ways people
 * type Uzbek compare equal: {@code oʻ o‘ o' o`} (and {@code gʻ}, and the tutuq belgisi {@code ʼ})
 * all become {@code o'}.
 *
 * <p>The canonical mark is the plain ASCII apostrophe because it is what most people type, and
 * because the embedding model's word-piece tokenizer splits it off as punctuation; the modifier
 * letters {@code ʻ ʼ} are not punctuation to it and can turn a whole word into an unknown token.
 */
public final class UzbekText {

    public static final char APOSTROPHE = '\'';

    /**
     * Apostrophe look-alikes seen in Uzbek Latin text: ʻ (02BB, official for oʻ gʻ), ʼ (02BC, official
     * tutuq), ‘ ’ ‛ (typographic quotes that word processors substitute), ` and ´ (keyboard
     * stand-ins), ʹ ′ (primes that turn up in scanned and converted text).
     */
    private static final String VARIANTS = "\u02BB\u02BC\u2018\u2019\u201B\u0060\u00B4\u02B9\u2032";

    private UzbekText() {
    }

    /** NFC, lower case (root locale, so a Turkish default locale cannot turn I into ı) and one apostrophe. */
    public static String normalize(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder unified = null;
        for (int i = 0; i < composed.length(); i++) {
            if (VARIANTS.indexOf(composed.charAt(i)) >= 0) {
                if (unified == null) {
                    unified = new StringBuilder(composed);
                }
                unified.setCharAt(i, APOSTROPHE);
            }
        }
        return unified == null ? composed : unified.toString();
    }

    /**
     * The words of {@code text} after {@link #normalize}: runs of letters, digits and combining marks
     * in any script. An apostrophe belongs to a word only between two letters ({@code o'zbek},
     * {@code ma'no}), so quotation marks around a word are dropped. Other punctuation separates words.
     */
    public static List<String> words(String text) {
        String normal = normalize(text);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < normal.length(); ) {
            int c = normal.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean inWord = isWordPart(c)
                    || (c == APOSTROPHE && start >= 0 && Character.isLetter(normal.codePointBefore(i))
                            && next < normal.length() && Character.isLetter(normal.codePointAt(next)));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(normal.substring(start, i));
                start = -1;
            }
            i = next;
        }
        if (start >= 0) {
            words.add(normal.substring(start));
        }
        return words;
    }

    private static boolean isWordPart(int c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }
}

package uz.suhbat.domain.knowledge;

/** Sizes of what is sent to the model, and the joining of overlapping passages. */
public final class ContextBudget {

    /** Longest overlap looked for between neighbouring passages, in words (the chunker overlaps by less). */
    private static final int MAX_OVERLAP_WORDS = 80;

    private ContextBudget() {
    }

    /**
     * A conservative estimate of a text's tokens without the model's tokenizer: one per three
     * characters. English runs near four characters a token; Uzbek, with its suffixes and
     * apostrophes, and Cyrillic, nearer three, so the estimate rather overshoots.
     */
    public static int tokens(String text) {
        return (text.length() + 2) / 3;
    }

    /**
     * {@code first} followed by {@code second}, without the words {@code second} repeats from the end
     * of {@code first} (neighbouring chunks overlap); with a space between when they do not overlap.
     */
    public static String joinOverlapping(String first, String second) {
        String[] a = first.split(" ");
        String[] b = second.split(" ");
        for (int k = Math.min(MAX_OVERLAP_WORDS, Math.min(a.length, b.length)); k > 0; k--) {
            if (endsWith(a, b, k)) {
                StringBuilder joined = new StringBuilder(first);
                for (int i = k; i < b.length; i++) {
                    joined.append(' ').append(b[i]);
                }
                return joined.toString();
            }
        }
        return first + " " + second;
    }

    private static boolean endsWith(String[] a, String[] b, int k) {
        for (int i = 0; i < k; i++) {
            if (!a[a.length - k + i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }
}

package uz.suhbat.domain.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the text of one page into overlapping passages for the embedding model.
 *
 * <p>An embedding model reads a bounded number of word pieces. An English word is about 1.3 pieces
 * and an Uzbek one, with its suffixes, often 2 to 3, so a chunk is bounded twice: by words (the size
 * the retrieval is tuned for) and by characters (which keeps suffix-heavy Uzbek under the model's
 * limit). The sizes come from the embedding adapter, which knows its model.
 * Neighbouring chunks overlap so that a fact cut by a chunk boundary is still whole in one of them.
 * A chunk never spans two pages, so every passage can cite its page. Output depends on the input only.
 */
public final class Chunker {

    /** Long enough for a URL to stay readable, short enough that no-space text cannot make a giant chunk. */
    private static final int MAX_WORD_CHARS = 60;

    private final int targetWords;
    private final int overlapWords;
    private final int maxChars;

    public Chunker(int targetWords, int overlapWords, int maxChars) {
        if (targetWords < 10 || overlapWords < 0 || overlapWords > targetWords / 2 || maxChars < 4 * MAX_WORD_CHARS) {
            throw new IllegalArgumentException(
                    "need targetWords >= 10, 0 <= overlapWords <= targetWords/2, maxChars >= " + 4 * MAX_WORD_CHARS);
        }
        this.targetWords = targetWords;
        this.overlapWords = overlapWords;
        this.maxChars = maxChars;
    }

    public List<Chunk> split(int page, String text) {
        List<Word> words = Word.of(text);
        List<Chunk> chunks = new ArrayList<>();
        int start = 0;
        while (start < words.size()) {
            int end = end(words, start);
            chunks.add(new Chunk(page, join(words, start, end)));
            if (end == words.size()) {
                break;
            }
            start = nextStart(words, start, end);
        }
        return chunks;
    }

    /** Exclusive end of the chunk that begins at {@code start}. */
    private int end(List<Word> words, int start) {
        int limit = start;
        int chars = 0;
        // a page that ends within a fifth of the target is finished in this chunk instead of leaving a stub
        int stretch = words.size() - start <= targetWords + targetWords / 5 ? targetWords + targetWords / 5 : targetWords;
        while (limit < words.size() && limit - start < stretch) {
            chars += words.get(limit).text.length() + 1;
            if (chars > maxChars && limit > start) {
                break;
            }
            limit++;
        }
        if (limit == words.size()) {
            return limit;
        }
        // prefer to stop after a paragraph, else after a sentence, in the last 40% of the window
        int earliest = start + Math.max(1, (limit - start) * 3 / 5);
        for (Boundary wanted : new Boundary[] {Boundary.PARAGRAPH, Boundary.SENTENCE}) {
            for (int i = limit; i > earliest; i--) {
                if (words.get(i - 1).after.compareTo(wanted) >= 0) {
                    return i;
                }
            }
        }
        return limit;
    }

    /** Steps back by the overlap, moving forward to a sentence start if one is close, never going backwards. */
    private int nextStart(List<Word> words, int start, int end) {
        int back = Math.max(start + 1, end - overlapWords);
        for (int i = back; i < end - overlapWords / 2; i++) {
            if (i > 0 && words.get(i - 1).after != Boundary.NONE) {
                return i;
            }
        }
        return back;
    }

    private static String join(List<Word> words, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            Word word = words.get(i);
            if (i > from && !word.glued) {
                text.append(' ');
            }
            text.append(word.text);
        }
        return text.toString();
    }

    private enum Boundary { NONE, SENTENCE, PARAGRAPH }

    /** A whitespace-separated word, what follows it, and whether it continues the previous word (a hard split). */
    private record Word(String text, Boundary after, boolean glued) {

        static List<Word> of(String text) {
            List<Word> words = new ArrayList<>();
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (start == i) {
                    break;
                }
                int gapEnd = i;
                int newlines = 0;
                while (gapEnd < n && Character.isWhitespace(text.charAt(gapEnd))) {
                    newlines += text.charAt(gapEnd++) == '\n' ? 1 : 0;
                }
                addPieces(words, text.substring(start, i), boundary(text.charAt(i - 1), newlines));
            }
            return words;
        }

        private static Boundary boundary(char last, int newlines) {
            if (newlines >= 2) {
                return Boundary.PARAGRAPH;
            }
            return ".!?…:;".indexOf(last) >= 0 ? Boundary.SENTENCE : Boundary.NONE;
        }

        private static void addPieces(List<Word> words, String word, Boundary after) {
            for (int from = 0; from < word.length(); ) {
                int to = Math.min(word.length(), from + MAX_WORD_CHARS);
                if (to < word.length() && Character.isHighSurrogate(word.charAt(to - 1))) {
                    to--;
                }
                words.add(new Word(word.substring(from, to), to == word.length() ? after : Boundary.NONE, from > 0));
                from = to;
            }
        }
    }
}

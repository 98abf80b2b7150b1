package uz.suhbat.domain.knowledge;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Collects the terms of each chunk in order, then lays the postings out term by term. */
final class KeywordIndexBuilder {

    private final Terms analysis;
    private final Map<String, Integer> termIds = new HashMap<>();
    private byte[] languages = new byte[1024];
    private Language last = Language.ENGLISH;
    private int[] chunkTermStart = new int[1024];
    private int[] terms = new int[16 * 1024];
    private int[] counts = new int[16 * 1024];
    private int[] lengths = new int[1024];
    /** Per term id, its count in the passage being added (zeroed again after each). */
    private int[] tf = new int[1024];
    private int[] seen = new int[256];
    private int chunks;
    private int pairs;

    KeywordIndexBuilder(Terms analysis) {
        this.analysis = analysis;
    }

    /** Adds a passage, read in its detected language (that of the passage before when it shows none). */
    void add(String text) {
        Language language = Language.detect(text, last);
        last = language;
        int distinct = 0;
        int length = 0;
        for (String term : analysis.of(text, language)) {
            int id = termIds.computeIfAbsent(term, t -> termIds.size());
            if (id >= tf.length) {
                tf = Arrays.copyOf(tf, Math.max(tf.length * 2, id + 1));
            }
            if (tf[id]++ == 0) {
                if (distinct == seen.length) {
                    seen = Arrays.copyOf(seen, seen.length * 2);
                }
                seen[distinct++] = id;
            }
            length++;
        }
        if (chunks + 1 >= chunkTermStart.length) {
            chunkTermStart = Arrays.copyOf(chunkTermStart, chunkTermStart.length * 2);
            lengths = Arrays.copyOf(lengths, lengths.length * 2);
            languages = Arrays.copyOf(languages, languages.length * 2);
        }
        languages[chunks] = (byte) language.ordinal();
        if (pairs + distinct > terms.length) {
            int capacity = Math.max(terms.length * 2, pairs + distinct);
            terms = Arrays.copyOf(terms, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        for (int i = 0; i < distinct; i++) {
            int id = seen[i];
            terms[pairs] = id;
            counts[pairs++] = tf[id];
            tf[id] = 0;
        }
        lengths[chunks++] = length;
        chunkTermStart[chunks] = pairs;
    }

    KeywordIndex build() {
        int termCount = termIds.size();
        // ids in order of first appearance → ids of the sorted dictionary
        String[] byFirstId = new String[termCount];
        termIds.forEach((term, id) -> byFirstId[id] = term);
        int[] sortedId = new int[termCount];
        TermDictionary dictionary = TermDictionary.of(Arrays.asList(byFirstId), sortedId);
        int[] frequency = new int[termCount];
        for (int p = 0; p < pairs; p++) {
            terms[p] = sortedId[terms[p]];
            frequency[terms[p]]++;
        }
        long totalLength = 0;
        for (int chunk = 0; chunk < chunks; chunk++) {
            totalLength += lengths[chunk];
        }
        float average = chunks == 0 ? 1 : Math.max(1, (float) totalLength / chunks);
        // first pass: each term's bytes (gaps as variable-length integers, a weight byte each), the too common left out
        int[] size = new int[termCount + 1];
        int[] previous = new int[termCount];
        for (int chunk = 0; chunk < chunks; chunk++) {
            for (int p = chunkTermStart[chunk]; p < chunkTermStart[chunk + 1]; p++) {
                int term = terms[p];
                if (!KeywordIndex.tooCommon(frequency[term], chunks)) {
                    size[term + 1] += varintLength(chunk - previous[term]) + 1;
                    previous[term] = chunk;
                }
            }
        }
        for (int t = 0; t < termCount; t++) {
            size[t + 1] += size[t];
        }
        int[] start = size;
        byte[] postings = new byte[start[termCount]];
        int[] next = Arrays.copyOf(start, termCount);
        Arrays.fill(previous, 0);
        for (int chunk = 0; chunk < chunks; chunk++) {
            float lengthPenalty = KeywordIndex.K1 * (1 - KeywordIndex.B + KeywordIndex.B * lengths[chunk] / average);
            for (int p = chunkTermStart[chunk]; p < chunkTermStart[chunk + 1]; p++) {
                int term = terms[p];
                if (KeywordIndex.tooCommon(frequency[term], chunks)) {
                    continue;
                }
                int at = next[term];
                int gap = chunk - previous[term];
                previous[term] = chunk;
                while (gap >= 0x80) {
                    postings[at++] = (byte) (gap & 0x7F | 0x80);
                    gap >>>= 7;
                }
                postings[at++] = (byte) gap;
                postings[at++] = (byte) Math.max(1, Math.round((KeywordIndex.K1 + 1) * counts[p] / (counts[p] + lengthPenalty) / KeywordIndex.WEIGHT_STEP));
                next[term] = at;
            }
        }
        return new KeywordIndex(dictionary, start, frequency, postings, chunks, analysis, Arrays.copyOf(languages, chunks));
    }

    private static int varintLength(int value) {
        int bytes = 1;
        while (value >= 0x80) {
            value >>>= 7;
            bytes++;
        }
        return bytes;
    }
}

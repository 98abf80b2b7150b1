package uz.suhbat.domain.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BM25 over {@link UzbekText#words} cut to {@link #term their first five letters}, kept as primitive
 * postings arrays once built.
 *
 * <p>The scores are made absolute so they can be mixed with cosine similarity and cut by a
 * threshold: each query term is worth its idf, and a passage's {@link #shares share} is the BM25 it
 * earns divided by what the whole query is worth (a passage of average length containing every term
 * once earns exactly 1). Query terms the document never uses still count in the divisor, so matching
 * only "capital" in "capital of France" is a small share, not a full one. In a large index, terms found
 * in more than half of the passages ("the", "va") are left out on both sides: their idf is small, and
 * walking their postings, which list almost every passage, would cost as much as the vector search.
 * Small indexes keep them, since there a word in half the passages can still tell them apart.
 */
final class KeywordIndex {

    private static final float K1 = 1.2f;
    private static final float B = 0.75f;
    /**
     * Uzbek glues suffixes to the stem (Toshkent, Toshkentda, Toshkentning); cutting every word to a
     * fixed prefix is a known, dictionary-free stand-in for stemming in agglutinative languages
     * (5 letters did best for Turkish in Can et al., 2008). Numbers are kept whole.
     */
    private static final int PREFIX = 5;
    /** Posting lists shorter than this are cheap to walk whatever the term. */
    private static final int LONG_POSTINGS = 4096;

    private final Map<String, Integer> termIds;
    private final int[] postingStart;
    private final int[] postingChunk;
    /** BM25 without the idf, (k1 + 1)·tf / (tf + k1·(1 − b + b·len/avgLen)), computed once at build time. */
    private final float[] postingWeight;
    private final int chunks;

    private KeywordIndex(Map<String, Integer> termIds, int[] postingStart, int[] postingChunk,
                         float[] postingWeight, int chunks) {
        this.termIds = termIds;
        this.postingStart = postingStart;
        this.postingChunk = postingChunk;
        this.postingWeight = postingWeight;
        this.chunks = chunks;
    }

    static String term(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return word;
            }
        }
        return word.codePointCount(0, word.length()) <= PREFIX ? word : word.substring(0, word.offsetByCodePoints(0, PREFIX));
    }

    /** Per chunk, the share of the query's keyword weight it matches (≥ 0, can exceed 1); null if nothing in the query counts. */
    float[] shares(String query) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : UzbekText.words(query)) {
            terms.add(term(word));
        }
        List<QueryTerm> counted = new ArrayList<>();
        double worth = 0;
        for (String term : terms) {
            Integer id = termIds.get(term);
            int from = id == null ? 0 : postingStart[id];
            int to = id == null ? 0 : postingStart[id + 1];
            if (to - from > chunks / 2 && to - from > LONG_POSTINGS) {
                continue;
            }
            double idf = Math.log(1 + (chunks - (to - from) + 0.5) / ((to - from) + 0.5));
            worth += idf;
            counted.add(new QueryTerm(from, to, idf));
        }
        if (worth == 0) {
            return null;
        }
        float[] shares = new float[chunks];
        for (QueryTerm term : counted) {
            float weight = (float) (term.idf / worth);
            for (int p = term.from; p < term.to; p++) {
                shares[postingChunk[p]] += weight * postingWeight[p];
            }
        }
        return shares;
    }

    /** A query term's slice of the postings; absent terms have an empty slice but still their idf. */
    private record QueryTerm(int from, int to, double idf) {
    }

    /** Collects the terms of each chunk in order, then lays the postings out term by term. */
    static final class Builder {

        private final Map<String, Integer> termIds = new HashMap<>();
        private int[] chunkTermStart = new int[1024];
        private int[] terms = new int[16 * 1024];
        private int[] counts = new int[16 * 1024];
        private int[] lengths = new int[1024];
        private int chunks;
        private int pairs;

        void add(String text) {
            Map<Integer, Integer> tf = new HashMap<>();
            int length = 0;
            for (String word : UzbekText.words(text)) {
                tf.merge(termIds.computeIfAbsent(term(word), t -> termIds.size()), 1, Integer::sum);
                length++;
            }
            if (chunks + 1 >= chunkTermStart.length) {
                chunkTermStart = Arrays.copyOf(chunkTermStart, chunkTermStart.length * 2);
                lengths = Arrays.copyOf(lengths, lengths.length * 2);
            }
            if (pairs + tf.size() > terms.length) {
                int capacity = Math.max(terms.length * 2, pairs + tf.size());
                terms = Arrays.copyOf(terms, capacity);
                counts = Arrays.copyOf(counts, capacity);
            }
            for (Map.Entry<Integer, Integer> entry : tf.entrySet()) {
                terms[pairs] = entry.getKey();
                counts[pairs++] = entry.getValue();
            }
            lengths[chunks++] = length;
            chunkTermStart[chunks] = pairs;
        }

        KeywordIndex build() {
            int[] start = new int[termIds.size() + 1];
            for (int p = 0; p < pairs; p++) {
                start[terms[p] + 1]++;
            }
            for (int t = 0; t < termIds.size(); t++) {
                start[t + 1] += start[t];
            }
            long totalLength = 0;
            for (int chunk = 0; chunk < chunks; chunk++) {
                totalLength += lengths[chunk];
            }
            float average = chunks == 0 ? 1 : Math.max(1, (float) totalLength / chunks);
            int[] next = Arrays.copyOf(start, termIds.size());
            int[] postingChunk = new int[pairs];
            float[] postingWeight = new float[pairs];
            for (int chunk = 0; chunk < chunks; chunk++) {
                float lengthPenalty = K1 * (1 - B + B * lengths[chunk] / average);
                for (int p = chunkTermStart[chunk]; p < chunkTermStart[chunk + 1]; p++) {
                    int slot = next[terms[p]]++;
                    postingChunk[slot] = chunk;
                    postingWeight[slot] = (K1 + 1) * counts[p] / (counts[p] + lengthPenalty);
                }
            }
            return new KeywordIndex(Map.copyOf(termIds), start, postingChunk, postingWeight, chunks);
        }
    }
}

package uz.suhbat.domain.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BM25 over {@link Terms}: each passage's words reduced to stems in the passage's own detected
 * language (Uzbek in either script to one Latin stem), kept as primitive postings arrays once built.
 * A question is reduced once per language the index holds and compared with that language's
 * passages, so the question's stems always come from the same stemmer as the passage's.
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
    /** Posting lists shorter than this are cheap to walk whatever the term. */
    private static final int LONG_POSTINGS = 4096;
    /**
     * Stems this long or longer also meet the index's stems they are a prefix of, or that are a prefix
     * of them ("вступ" and "вступа": Snowball cuts a verb's forms differently), at {@link #VARIANT_WEIGHT}.
     */
    static final int VARIANT_FROM = 5;
    static final float VARIANT_WEIGHT = 0.7f;
    /** Stems this long or longer also meet the stems they end ("торговл" in "работорговл": compounds). */
    static final int COMPOUND_FROM = 6;
    /** At most this many longer stems stand in for one query stem. */
    private static final int MAX_VARIANTS = 16;

    private final Map<String, Integer> termIds;
    /** The stems in code-point order, for the variants that start with a query stem. */
    private final String[] sortedTerms;
    /** The stems written backwards, in code-point order, for the compounds that end with a query stem. */
    private final String[] sortedReversed;
    private final int[] postingStart;
    private final int[] postingChunk;
    /**
     * BM25 without the idf, (k1 + 1)·tf / (tf + k1·(1 − b + b·len/avgLen)), computed once at build time
     * and kept as one unsigned byte of {@link #WEIGHT_STEP}s (it lies within (0, k1 + 1); off by at most
     * half a step, 0.2 % of the largest): a byte instead of a float per posting.
     */
    private final byte[] postingWeight;
    private static final float WEIGHT_STEP = (K1 + 1) / 255;
    private final int chunks;
    private final Terms terms;
    /** Per chunk, the ordinal of its {@link Language}. */
    private final byte[] chunkLanguage;
    private final Set<Language> languages;
    private final Language mainLanguage;

    private KeywordIndex(Map<String, Integer> termIds, int[] postingStart, int[] postingChunk,
                         byte[] postingWeight, int chunks, Terms terms, byte[] chunkLanguage) {
        this.termIds = termIds;
        this.sortedTerms = termIds.keySet().toArray(String[]::new);
        Arrays.sort(sortedTerms);
        this.sortedReversed = termIds.keySet().stream().map(t -> new StringBuilder(t).reverse().toString()).sorted().toArray(String[]::new);
        this.postingStart = postingStart;
        this.postingChunk = postingChunk;
        this.postingWeight = postingWeight;
        this.chunks = chunks;
        this.terms = terms;
        this.chunkLanguage = chunkLanguage;
        int[] counts = new int[Language.values().length];
        for (byte language : chunkLanguage) {
            counts[language]++;
        }
        Set<Language> present = EnumSet.noneOf(Language.class);
        Language main = Language.ENGLISH;
        for (Language language : Language.values()) {
            if (counts[language.ordinal()] > 0) {
                present.add(language);
            }
            if (counts[language.ordinal()] > counts[main.ordinal()]) {
                main = language;
            }
        }
        this.languages = present;
        this.mainLanguage = main;
    }

    /** The language most passages are in; English for an empty index. */
    Language mainLanguage() {
        return mainLanguage;
    }

    Language languageOf(int chunk) {
        return Language.values()[chunkLanguage[chunk]];
    }

    /** Per chunk, the share of the query's keyword weight it matches (≥ 0, can exceed 1); null if nothing in the query counts. */
    float[] shares(String query) {
        float[] shares = null;
        float[] best = null;
        for (Language language : languages) {
            Set<String> queryTerms = new LinkedHashSet<>(terms.of(query, language));
            List<QueryTerm> counted = new ArrayList<>();
            double worth = 0;
            for (String term : queryTerms) {
                Integer id = termIds.get(term);
                int from = id == null ? 0 : postingStart[id];
                int to = id == null ? 0 : postingStart[id + 1];
                if (tooCommon(to - from)) {
                    continue;
                }
                double idf = idf(to - from);
                worth += idf;
                counted.add(new QueryTerm(from, to, idf, variants(term, id)));
            }
            if (worth == 0) {
                continue;
            }
            if (shares == null) {
                shares = new float[chunks];
            }
            byte wanted = (byte) language.ordinal();
            boolean all = languages.size() == 1;
            for (QueryTerm term : counted) {
                float weight = (float) (term.idf / worth);
                if (term.variants.length == 0) {
                    for (int p = term.from; p < term.to; p++) {
                        int chunk = postingChunk[p];
                        if (all || chunkLanguage[chunk] == wanted) {
                            shares[chunk] += weight * weight(p);
                        }
                    }
                    continue;
                }
                // a chunk counts the term once: its own stem, else the best of its variants, discounted
                if (best == null) {
                    best = new float[chunks];
                }
                for (int p = term.from; p < term.to; p++) {
                    best[postingChunk[p]] = weight(p);
                }
                for (int variant : term.variants) {
                    for (int p = postingStart[variant]; p < postingStart[variant + 1]; p++) {
                        best[postingChunk[p]] = Math.max(best[postingChunk[p]], VARIANT_WEIGHT * weight(p));
                    }
                }
                for (int slice = -1; slice < term.variants.length; slice++) {
                    int from = slice < 0 ? term.from : postingStart[term.variants[slice]];
                    int to = slice < 0 ? term.to : postingStart[term.variants[slice] + 1];
                    for (int p = from; p < to; p++) {
                        int chunk = postingChunk[p];
                        if (best[chunk] != 0 && (all || chunkLanguage[chunk] == wanted)) {
                            shares[chunk] += weight * best[chunk];
                        }
                        best[chunk] = 0;
                    }
                }
            }
        }
        return shares;
    }

    private float weight(int posting) {
        return (postingWeight[posting] & 0xFF) * WEIGHT_STEP;
    }

    /** Bytes the postings take, for the memory report. */
    long bytes() {
        return 4L * postingStart.length + 5L * postingChunk.length + chunkLanguage.length;
    }

    private boolean tooCommon(int documentFrequency) {
        return documentFrequency > chunks / 2 && documentFrequency > LONG_POSTINGS;
    }

    private double idf(int documentFrequency) {
        return Math.log(1 + (chunks - documentFrequency + 0.5) / (documentFrequency + 0.5));
    }

    /**
     * The ids of the index's other stems that {@code term} is a prefix of, or that are a prefix of it,
     * both at least {@link #VARIANT_FROM} long, and that end with it when it has {@link #COMPOUND_FROM} letters or more.
     */
    private int[] variants(String term, Integer id) {
        if (term.length() < VARIANT_FROM || Character.isDigit(term.charAt(0))) {
            return new int[0];
        }
        List<Integer> found = new ArrayList<>();
        for (int length = VARIANT_FROM; length < term.length(); length++) {
            Integer shorter = termIds.get(term.substring(0, length));
            if (shorter != null && !tooCommon(postingStart[shorter + 1] - postingStart[shorter])) {
                found.add(shorter);
            }
        }
        int at = Arrays.binarySearch(sortedTerms, term);
        for (int i = at < 0 ? -at - 1 : at + 1; i < sortedTerms.length && found.size() < MAX_VARIANTS
                && sortedTerms[i].startsWith(term); i++) {
            int longer = termIds.get(sortedTerms[i]);
            if (!tooCommon(postingStart[longer + 1] - postingStart[longer])) {
                found.add(longer);
            }
        }
        if (term.length() >= COMPOUND_FROM) {
            String reversed = new StringBuilder(term).reverse().toString();
            int end = Arrays.binarySearch(sortedReversed, reversed);
            for (int i = end < 0 ? -end - 1 : end + 1, n = 0; i < sortedReversed.length && n < MAX_VARIANTS
                    && sortedReversed[i].startsWith(reversed); i++, n++) {
                int compound = termIds.get(new StringBuilder(sortedReversed[i]).reverse().toString());
                if (!tooCommon(postingStart[compound + 1] - postingStart[compound]) && !found.contains(compound)) {
                    found.add(compound);
                }
            }
        }
        found.remove(id);
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A query term's slice of the postings; absent terms have an empty slice but still their idf. */
    private record QueryTerm(int from, int to, double idf, int[] variants) {
    }

    /** Collects the terms of each chunk in order, then lays the postings out term by term. */
    static final class Builder {

        private final Terms analysis;
        private final Map<String, Integer> termIds = new HashMap<>();
        private byte[] languages = new byte[1024];
        private Language last = Language.ENGLISH;
        private int[] chunkTermStart = new int[1024];
        private int[] terms = new int[16 * 1024];
        private int[] counts = new int[16 * 1024];
        private int[] lengths = new int[1024];
        private int chunks;
        private int pairs;

        Builder(Terms analysis) {
            this.analysis = analysis;
        }

        /** Adds a passage, read in its detected language (that of the passage before when it shows none). */
        void add(String text) {
            Language language = Language.detect(text, last);
            last = language;
            Map<Integer, Integer> tf = new HashMap<>();
            int length = 0;
            for (String term : analysis.of(text, language)) {
                tf.merge(termIds.computeIfAbsent(term, t -> termIds.size()), 1, Integer::sum);
                length++;
            }
            if (chunks + 1 >= chunkTermStart.length) {
                chunkTermStart = Arrays.copyOf(chunkTermStart, chunkTermStart.length * 2);
                lengths = Arrays.copyOf(lengths, lengths.length * 2);
                languages = Arrays.copyOf(languages, languages.length * 2);
            }
            languages[chunks] = (byte) language.ordinal();
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
            byte[] postingWeight = new byte[pairs];
            for (int chunk = 0; chunk < chunks; chunk++) {
                float lengthPenalty = K1 * (1 - B + B * lengths[chunk] / average);
                for (int p = chunkTermStart[chunk]; p < chunkTermStart[chunk + 1]; p++) {
                    int slot = next[terms[p]]++;
                    postingChunk[slot] = chunk;
                    postingWeight[slot] = (byte) Math.max(1, Math.round((K1 + 1) * counts[p] / (counts[p] + lengthPenalty) / WEIGHT_STEP));
                }
            }
            return new KeywordIndex(Map.copyOf(termIds), start, postingChunk, postingWeight, chunks, analysis,
                    Arrays.copyOf(languages, chunks));
        }
    }
}

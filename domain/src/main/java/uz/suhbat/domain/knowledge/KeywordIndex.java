package uz.suhbat.domain.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
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
 * Small indexes keep them, since there a word in half the passages can still tell them apart; a large one
 * does not even keep their postings, only how many passages hold them.
 *
 * <p>Memory: the terms live in a {@link TermDictionary} (one sorted byte array), and each term's postings
 * are one run of bytes: per passage the distance from the previous passage holding the term (a variable-length
 * integer, one byte for any term found in every 128th passage or more often) and the BM25 weight in one byte.
 */
final class KeywordIndex {

    static final float K1 = 1.2f;
    static final float B = 0.75f;
    /** Posting lists shorter than this are cheap to walk whatever the term. */
    private static final int LONG_POSTINGS = 4096;
    /** Stems this long also meet the stems they start or that start them ("вступ", "вступа"), at {@link #VARIANT_WEIGHT}. */
    static final int VARIANT_FROM = 5;
    static final float VARIANT_WEIGHT = 0.7f;
    /** Stems this long or longer also meet the stems they end ("торговл" in "работорговл": compounds). */
    static final int COMPOUND_FROM = 6;
    /** At most this many longer stems stand in for one query stem. */
    private static final int MAX_VARIANTS = 16;

    private final TermDictionary dictionary;
    /** Per term id, where its postings start in {@link #postings} (and, at [id + 1], end). */
    private final int[] postingStart;
    /** Per term id, how many passages hold it (its postings may be left out when it is {@link #tooCommon}). */
    private final int[] documentFrequency;
    /**
     * Per posting, the gap from the previous posting's chunk (the first: the chunk) as a variable-length integer of
     * 7 bits a byte, then BM25 without the idf, (k1 + 1)·tf / (tf + k1·(1 − b + b·len/avgLen)), computed once at build
     * time and kept as one unsigned byte of {@link #WEIGHT_STEP}s (it lies within (0, k1 + 1); off by at most half a
     * step, 0.2 % of the largest).
     */
    private final byte[] postings;
    static final float WEIGHT_STEP = (K1 + 1) / 255;
    private final int chunks;
    private final Terms terms;
    /** Per chunk, the ordinal of its {@link Language}. */
    private final byte[] chunkLanguage;
    private final Set<Language> languages;
    private final Language mainLanguage;

    /** Receives one posting. */
    @FunctionalInterface
    private interface Visitor {
        void visit(int chunk, float weight);
    }

    KeywordIndex(TermDictionary dictionary, int[] postingStart, int[] documentFrequency, byte[] postings,
                         int chunks, Terms terms, byte[] chunkLanguage) {
        this.dictionary = dictionary;
        this.postingStart = postingStart;
        this.documentFrequency = documentFrequency;
        this.postings = postings;
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
                int id = dictionary.id(term);
                int frequency = id < 0 ? 0 : documentFrequency[id];
                if (tooCommon(frequency)) {
                    continue;
                }
                double idf = idf(frequency);
                worth += idf;
                counted.add(new QueryTerm(id, idf, variants(term, id)));
            }
            if (worth == 0) {
                continue;
            }
            if (shares == null) {
                shares = new float[chunks];
            }
            float[] sum = shares;
            byte wanted = (byte) language.ordinal();
            boolean all = languages.size() == 1;
            for (QueryTerm term : counted) {
                float weight = (float) (term.idf / worth);
                if (term.variants.length == 0) {
                    walk(term.id, (chunk, w) -> {
                        if (all || chunkLanguage[chunk] == wanted) {
                            sum[chunk] += weight * w;
                        }
                    });
                    continue;
                }
                // a chunk counts the term once: its own stem, else the best of its variants, discounted
                if (best == null) {
                    best = new float[chunks];
                }
                float[] top = best;
                walk(term.id, (chunk, w) -> top[chunk] = w);
                for (int variant : term.variants) {
                    walk(variant, (chunk, w) -> top[chunk] = Math.max(top[chunk], VARIANT_WEIGHT * w));
                }
                Visitor add = (chunk, w) -> {
                    if (top[chunk] != 0 && (all || chunkLanguage[chunk] == wanted)) {
                        sum[chunk] += weight * top[chunk];
                    }
                    top[chunk] = 0;
                };
                walk(term.id, add);
                for (int variant : term.variants) {
                    walk(variant, add);
                }
            }
        }
        return shares;
    }

    /** Every posting of term {@code id} (none for −1), in chunk order. */
    private void walk(int id, Visitor visitor) {
        if (id < 0) {
            return;
        }
        byte[] bytes = postings;
        int chunk = 0;
        for (int p = postingStart[id], end = postingStart[id + 1]; p < end; ) {
            int b = bytes[p++];
            int gap = b & 0x7F;
            for (int shift = 7; b < 0; shift += 7) {
                b = bytes[p++];
                gap |= (b & 0x7F) << shift;
            }
            chunk += gap;
            visitor.visit(chunk, (bytes[p++] & 0xFF) * WEIGHT_STEP);
        }
    }

    /** Bytes the postings and the term dictionary take, for the memory report. */
    long bytes() {
        return 4L * postingStart.length + 4L * documentFrequency.length + postings.length + chunkLanguage.length + dictionary.bytes();
    }

    private boolean tooCommon(int documentFrequency) {
        return tooCommon(documentFrequency, chunks);
    }

    static boolean tooCommon(int documentFrequency, int chunks) {
        return documentFrequency > chunks / 2 && documentFrequency > LONG_POSTINGS;
    }

    private double idf(int documentFrequency) {
        return Math.log(1 + (chunks - documentFrequency + 0.5) / (documentFrequency + 0.5));
    }

    /**
     * The ids of the index's other stems that {@code term} is a prefix of, or that are a prefix of it,
     * both at least {@link #VARIANT_FROM} long, and that end with it when it has {@link #COMPOUND_FROM} letters or more.
     */
    private int[] variants(String term, int id) {
        if (term.length() < VARIANT_FROM || Character.isDigit(term.charAt(0))) {
            return new int[0];
        }
        List<Integer> found = new ArrayList<>();
        for (int length = VARIANT_FROM; length < term.length(); length++) {
            int shorter = dictionary.id(term.substring(0, length));
            if (shorter >= 0 && !tooCommon(documentFrequency[shorter])) {
                found.add(shorter);
            }
        }
        for (int longer : dictionary.longer(term, MAX_VARIANTS - found.size(), t -> !tooCommon(documentFrequency[t]))) {
            found.add(longer);
        }
        if (term.length() >= COMPOUND_FROM) {
            for (int compound : dictionary.endingWith(term, MAX_VARIANTS)) {
                if (!tooCommon(documentFrequency[compound]) && !found.contains(compound)) {
                    found.add(compound);
                }
            }
        }
        found.remove(Integer.valueOf(id));
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A query term (id −1: absent from the index, it still counts its idf). */
    private record QueryTerm(int id, double idf, int[] variants) {
    }
}

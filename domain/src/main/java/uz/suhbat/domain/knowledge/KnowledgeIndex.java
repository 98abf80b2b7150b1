package uz.suhbat.domain.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * The searchable passages of one knowledge model, held in memory while the model is launched.
 *
 * <p>Ranking is hybrid: {@code score = (1 − w)·cosine + w·keywordShare}. The embedding model was
 * trained on English, so names, numbers and Uzbek words are what it matches worst; BM25 on the
 * normalised words catches exactly those. A weighted sum of two absolute scores was chosen over
 * reciprocal-rank fusion or per-query min-max scaling because both of those only rank: their
 * scores mean nothing across queries, and the answering side needs a threshold ({@code minScore})
 * that means "this passage is relevant", not "this was the best of a bad lot". Cosine is already
 * absolute, and {@link KeywordIndex} makes BM25 absolute (the share of the query's keyword weight a
 * passage matches, capped at 1).
 *
 * <p>Vectors live in one contiguous array (chunks × dimensions), so a search is a single linear
 * pass that the CPU can stream; above {@value #PARALLEL_FROM} chunks the pass is split across the
 * cores of the common fork-join pool. An index is immutable once built and safe for concurrent searches.
 */
public final class KnowledgeIndex {

    /** Below this a second thread costs more to start than it saves. */
    static final int PARALLEL_FROM = 20_000;
    public static final double DEFAULT_KEYWORD_WEIGHT = 0.35;

    private final int dimensions;
    private final float[] vectors;
    private final long[] ids;
    private final int[] pages;
    private final String[] texts;
    private final KeywordIndex keywords;
    /** Per language of the question (by ordinal), the keyword weight. */
    private final float[] keywordWeights;
    /**
     * Per language of the question (by ordinal), the cosine the embedding model gives a question and
     * a passage that have nothing to do with each other; a cosine is scored by how far it rises
     * above it, so that a score means about the same whichever model and language produced it.
     */
    private final float[] similarityFloors;
    /** Per page, its chunks in document order. */
    private final Map<Integer, int[]> pageChunks;

    private KnowledgeIndex(Builder builder) {
        this.dimensions = builder.dimensions;
        this.vectors = Arrays.copyOf(builder.vectors, builder.size * builder.dimensions);
        this.ids = Arrays.copyOf(builder.ids, builder.size);
        this.pages = Arrays.copyOf(builder.pages, builder.size);
        this.texts = Arrays.copyOf(builder.texts, builder.size);
        this.keywords = builder.keywords.build();
        this.keywordWeights = new float[Language.values().length];
        for (int i = 0; i < keywordWeights.length; i++) {
            keywordWeights[i] = (float) builder.keywordWeights[i];
        }
        this.similarityFloors = new float[Language.values().length];
        for (int i = 0; i < similarityFloors.length; i++) {
            similarityFloors[i] = (float) builder.similarityFloors[i];
        }
        Map<Integer, List<Integer>> byPage = new HashMap<>();
        for (int chunk = 0; chunk < pages.length; chunk++) {
            byPage.computeIfAbsent(pages[chunk], p -> new ArrayList<>()).add(chunk);
        }
        Map<Integer, int[]> chunksOfPage = new HashMap<>();
        byPage.forEach((page, chunks) -> chunksOfPage.put(page, chunks.stream().mapToInt(Integer::intValue).toArray()));
        this.pageChunks = Map.copyOf(chunksOfPage);
    }

    public static Builder builder(int dimensions) {
        return new Builder(dimensions, 1024);
    }

    /** Sizing the builder up front avoids growing, and so copying, a large vector array. */
    public static Builder builder(int dimensions, int expectedChunks) {
        return new Builder(dimensions, expectedChunks);
    }

    public int size() {
        return ids.length;
    }

    public int dimensions() {
        return dimensions;
    }


    /**
     * At most {@code k} passages scoring at least {@code minScore}, best first (ties in insertion
     * order). {@code queryVector} must come from the same model as the passages, given the question
     * as {@link UzbekText#normalize}d text, as the passages were; {@code queryText} is the question
     * itself and feeds the keyword side (null or blank means vectors only).
     */
    public List<Hit> search(float[] queryVector, String queryText, int k, double minScore) {
        if (queryVector.length != dimensions) {
            throw new IllegalArgumentException("query has " + queryVector.length + " dimensions, index has " + dimensions);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        float[] query = queryVector.clone();
        scaleToUnit(query, 0, dimensions);
        float[] shares = queryText == null ? null : keywords.shares(queryText);
        int language = Language.detect(queryText == null ? "" : queryText, keywords.mainLanguage()).ordinal();
        float keywordWeight = keywordWeights[language];
        float floor = similarityFloors[language];
        int n = size();
        int parts = n < PARALLEL_FROM ? 1 : Math.min(Runtime.getRuntime().availableProcessors(), n / (PARALLEL_FROM / 2));
        TopHits top;
        if (parts <= 1) {
            top = score(query, shares, keywordWeight, floor, 0, n, k, (float) minScore);
        } else {
            List<CompletableFuture<TopHits>> others = new ArrayList<>();
            for (int part = 1; part < parts; part++) {
                int from = (int) ((long) n * part / parts);
                int to = (int) ((long) n * (part + 1) / parts);
                others.add(CompletableFuture.supplyAsync(() -> score(query, shares, keywordWeight, floor, from, to, k, (float) minScore),
                        ForkJoinPool.commonPool()));
            }
            top = score(query, shares, keywordWeight, floor, 0, n / parts, k, (float) minScore);
            for (CompletableFuture<TopHits> other : others) {
                top.addAll(other.join());
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (int chunk : top.bestFirst()) {
            hits.add(new Hit(ids[chunk], pages[chunk], texts[chunk], top.scoreOf(chunk)));
        }
        return hits;
    }

    /**
     * What is sent to the model for {@code ranked} (hits of this index, best first): one slot per
     * page, for the {@code maxPages} pages whose best hit ranks highest, in page order. A slot holds
     * the whole page when it is short (within an even share of the budget), else the page's hits with
     * the passage before and after each, else the hits alone; slots are filled best page first while
     * the estimated tokens stay within {@code tokenBudget} (the best page always gets one). A slot's
     * score is its best hit's, its chunk id that hit's.
     */
    public List<Hit> pageContext(List<Hit> ranked, int maxPages, int tokenBudget) {
        if (maxPages < 1 || tokenBudget < 1) {
            throw new IllegalArgumentException("maxPages and tokenBudget must be positive");
        }
        Map<Integer, List<Integer>> hitsByPage = new LinkedHashMap<>();
        Map<Integer, Hit> bestOfPage = new HashMap<>();
        for (Hit hit : ranked) {
            int chunk = positionOf(hit);
            if (chunk < 0 || (!hitsByPage.containsKey(hit.page()) && hitsByPage.size() == maxPages)) {
                continue;
            }
            hitsByPage.computeIfAbsent(hit.page(), p -> new ArrayList<>()).add(chunk);
            bestOfPage.putIfAbsent(hit.page(), hit);
        }
        int share = tokenBudget / Math.max(1, hitsByPage.size());
        int left = tokenBudget;
        List<Hit> slots = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> page : hitsByPage.entrySet()) {
            int[] all = pageChunks.get(page.getKey());
            String whole = passage(all, 0, all.length - 1);
            List<String> candidates = new ArrayList<>();
            if (ContextBudget.tokens(whole) <= share) {
                candidates.add(whole);
            }
            candidates.add(around(all, page.getValue(), 1));
            candidates.add(around(all, page.getValue(), 0));
            String chosen = null;
            for (String candidate : candidates) {
                if (ContextBudget.tokens(candidate) <= left) {
                    chosen = candidate;
                    break;
                }
            }
            if (chosen == null && slots.isEmpty()) {
                chosen = candidates.get(candidates.size() - 1);
            }
            if (chosen != null) {
                left -= ContextBudget.tokens(chosen);
                Hit best = bestOfPage.get(page.getKey());
                slots.add(new Hit(best.chunkId(), best.page(), chosen, best.score()));
            }
        }
        slots.sort(Comparator.comparingInt(Hit::page));
        return slots;
    }

    /** The index of a hit's chunk, found among its page's chunks by identity of the text this index gave out. */
    private int positionOf(Hit hit) {
        int[] chunks = pageChunks.get(hit.page());
        if (chunks == null) {
            return -1;
        }
        for (int chunk : chunks) {
            if (texts[chunk] == hit.text() || (ids[chunk] == hit.chunkId() && texts[chunk].equals(hit.text()))) {
                return chunk;
            }
        }
        return -1;
    }

    /** The hits' chunks with {@code reach} neighbours on each side within the page, runs merged, gaps marked. */
    private String around(int[] pageChunksInOrder, List<Integer> hits, int reach) {
        boolean[] keep = new boolean[pageChunksInOrder.length];
        for (int hit : hits) {
            int at = Arrays.binarySearch(pageChunksInOrder, hit);
            for (int i = Math.max(0, at - reach); i <= Math.min(keep.length - 1, at + reach); i++) {
                keep[i] = true;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) {
                continue;
            }
            int end = i;
            while (end + 1 < keep.length && keep[end + 1]) {
                end++;
            }
            if (!text.isEmpty()) {
                text.append("\n…\n");
            }
            text.append(passage(pageChunksInOrder, i, end));
            i = end;
        }
        return text.toString();
    }

    /** Chunks {@code from..to} (inclusive, positions in {@code chunks}) as one text, their overlaps removed. */
    private String passage(int[] chunks, int from, int to) {
        String text = texts[chunks[from]];
        for (int i = from + 1; i <= to; i++) {
            text = ContextBudget.joinOverlapping(text, texts[chunks[i]]);
        }
        return text;
    }

    private TopHits score(float[] query, float[] shares, float keywordWeight, float floor, int from, int to, int k, float minScore) {
        TopHits top = new TopHits(k);
        float vectorWeight = 1 - keywordWeight;
        float scale = 1 / (1 - floor);
        for (int chunk = from; chunk < to; chunk++) {
            float cosine = dot(query, chunk * dimensions);
            float score = vectorWeight * (floor == 0 ? cosine : Math.max(0, (cosine - floor) * scale));
            if (shares != null) {
                score += keywordWeight * Math.min(1f, shares[chunk]);
            }
            if (score >= minScore) {
                top.offer(chunk, score);
            }
        }
        return top;
    }

    /** Four independent sums let the CPU overlap the multiply-adds instead of waiting on one chain. */
    private float dot(float[] query, int offset) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < dimensions; i += 4) {
            s0 += query[i] * vectors[offset + i];
            s1 += query[i + 1] * vectors[offset + i + 1];
            s2 += query[i + 2] * vectors[offset + i + 2];
            s3 += query[i + 3] * vectors[offset + i + 3];
        }
        for (; i < dimensions; i++) {
            s0 += query[i] * vectors[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void scaleToUnit(float[] array, int offset, int length) {
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += array[i] * array[i];
        }
        if (sum > 0 && Math.abs(sum - 1) > 1e-6) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = offset; i < offset + length; i++) {
                array[i] *= scale;
            }
        }
    }

    /** A retrieved passage; {@code chunkId} is the caller's id from {@link Builder#add}. */
    public record Hit(long chunkId, int page, String text, double score) {
    }

    /** Not thread-safe; collect every chunk, then {@link #build()} once. */
    public static final class Builder {

        private final int dimensions;
        private KeywordIndex.Builder keywords = new KeywordIndex.Builder(new Terms(Terms.WHOLE_WORDS));
        private boolean added;
        private float[] vectors;
        private long[] ids;
        private int[] pages;
        private String[] texts;
        private int size;
        private final double[] keywordWeights = new double[Language.values().length];
        private final double[] similarityFloors = new double[Language.values().length];

        private Builder(int dimensions, int expectedChunks) {
            if (dimensions < 1 || expectedChunks < 0) {
                throw new IllegalArgumentException("dimensions must be positive and expectedChunks not negative");
            }
            int capacity = Math.max(16, expectedChunks);
            this.dimensions = dimensions;
            this.vectors = new float[Math.multiplyExact(capacity, dimensions)];
            this.ids = new long[capacity];
            this.pages = new int[capacity];
            this.texts = new String[capacity];
            Arrays.fill(keywordWeights, DEFAULT_KEYWORD_WEIGHT);
        }

        /** How much the keyword share weighs against cosine similarity, from 0 (vectors only) to 1 (keywords only), whatever the question's language. */
        public Builder keywordWeight(double weight) {
            for (Language language : Language.values()) {
                keywordWeight(language, weight);
            }
            return this;
        }

        /** The keyword weight for questions in {@code language}. */
        public Builder keywordWeight(Language language, double weight) {
            if (weight < 0 || weight > 1) {
                throw new IllegalArgumentException("keyword weight must be within [0, 1]: " + weight);
            }
            this.keywordWeights[language.ordinal()] = weight;
            return this;
        }

        /**
         * The cosine this embedding model gives unrelated questions and passages in {@code language}
         * (0 by default: raw cosines). A cosine then scores {@code max(0, (cosine − floor) / (1 − floor))}.
         */
        public Builder similarityFloor(Language language, double floor) {
            if (floor < 0 || floor >= 1) {
                throw new IllegalArgumentException("similarity floor must be within [0, 1): " + floor);
            }
            this.similarityFloors[language.ordinal()] = floor;
            return this;
        }

        /** How passages and questions become keyword terms; by default Uzbek is stemmed, English and Russian kept whole. */
        public Builder terms(Terms terms) {
            if (added) {
                throw new IllegalStateException("set the terms before adding passages");
            }
            this.keywords = new KeywordIndex.Builder(terms);
            return this;
        }

        /** {@code vector} is copied and scaled to unit length if it is not already. */
        public Builder add(long chunkId, int page, String text, float[] vector) {
            if (vector.length != dimensions) {
                throw new IllegalArgumentException("vector has " + vector.length + " dimensions, index has " + dimensions);
            }
            if (size == ids.length) {
                int capacity = size * 2;
                vectors = Arrays.copyOf(vectors, Math.multiplyExact(capacity, dimensions));
                ids = Arrays.copyOf(ids, capacity);
                pages = Arrays.copyOf(pages, capacity);
                texts = Arrays.copyOf(texts, capacity);
            }
            System.arraycopy(vector, 0, vectors, size * dimensions, dimensions);
            scaleToUnit(vectors, size * dimensions, dimensions);
            ids[size] = chunkId;
            pages[size] = page;
            texts[size] = text;
            keywords.add(text);
            added = true;
            size++;
            return this;
        }

        public KnowledgeIndex build() {
            return new KnowledgeIndex(this);
        }
    }
}

package uz.suhbat.domain.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * <p>Vectors live in one contiguous array as int8 ({@link CompactVectors}, in blocks of 1,024 vectors laid out
 * dimension by dimension, so that the scan runs in SIMD instructions), and a search is a single linear pass that
 * the CPU can stream; from twice {@value #PARALLEL_FROM} chunks the pass is split across the cores of the common
 * fork-join pool, in whole blocks. The passages' texts are not held when the builder
 * is given a {@link PassageSource}: the few a question needs (its hits, the pages sent) are read from it, in
 * one call each; without one they are kept as UTF-8 ({@link PassageTexts}). What is sent is assembled by page
 * ({@link PageContext}). An index is immutable once built and safe for concurrent searches.
 */
public final class KnowledgeIndex {

    /** Chunks a thread of a search scans at least: for fewer a second thread costs more to start than it saves. */
    static final int PARALLEL_FROM = 20_000;
    public static final double DEFAULT_KEYWORD_WEIGHT = 0.35;

    private final int dimensions;
    private final CompactVectors vectors;
    private final long[] ids;
    private final int[] pages;
    /** The texts: kept in memory, or read from the builder's {@link PassageSource}. */
    private final IndexTexts texts;
    private final KeywordIndex keywords;
    /** Per language of the question (by ordinal), the keyword weight. */
    private final float[] keywordWeights;
    /**
     * Per language of the question (by ordinal), the cosine the embedding model gives a question and
     * a passage that have nothing to do with each other; a cosine is scored by how far it rises
     * above it, so that a score means about the same whichever model and language produced it.
     */
    private final float[] similarityFloors;
    private final PageContext pageContext;

    private KnowledgeIndex(Builder builder) {
        this.dimensions = builder.dimensions;
        builder.vectors.trim();
        if (builder.texts != null) {
            builder.texts.trim();
        }
        this.vectors = builder.vectors;
        this.ids = Arrays.copyOf(builder.ids, builder.size);
        this.pages = Arrays.copyOf(builder.pages, builder.size);
        this.texts = new IndexTexts(ids, builder.texts, builder.source);
        this.keywords = builder.keywords.build();
        this.keywordWeights = new float[Language.values().length];
        for (int i = 0; i < keywordWeights.length; i++) {
            keywordWeights[i] = (float) builder.keywordWeights[i];
        }
        this.similarityFloors = new float[Language.values().length];
        for (int i = 0; i < similarityFloors.length; i++) {
            similarityFloors[i] = (float) builder.similarityFloors[i];
        }
        this.pageContext = new PageContext(ids, pages, texts::at);
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
        int blocks = vectors.blocks();
        int parts = Math.min(Math.min(Runtime.getRuntime().availableProcessors(), size() / PARALLEL_FROM), blocks);
        TopHits top;
        if (parts <= 1) {
            top = score(query, shares, keywordWeight, floor, 0, blocks, k, (float) minScore);
        } else {
            List<CompletableFuture<TopHits>> others = new ArrayList<>();
            for (int part = 1; part < parts; part++) {
                int from = (int) ((long) blocks * part / parts);
                int to = (int) ((long) blocks * (part + 1) / parts);
                others.add(CompletableFuture.supplyAsync(() -> score(query, shares, keywordWeight, floor, from, to, k, (float) minScore),
                        ForkJoinPool.commonPool()));
            }
            top = score(query, shares, keywordWeight, floor, 0, blocks / parts, k, (float) minScore);
            for (CompletableFuture<TopHits> other : others) {
                top.addAll(other.join());
            }
        }
        int[] best = top.bestFirst();
        String[] text = texts.at(best);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < best.length; i++) {
            if (text[i] != null) {
                hits.add(new Hit(ids[best[i]], pages[best[i]], text[i], top.scoreOf(best[i])));
            }
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
        return pageContext.assemble(ranked, maxPages, tokenBudget);
    }

    /** Bytes held in its arrays: vectors, texts (0 when read from a source), keywords (postings and terms), for the memory report. */
    public Footprint footprint() {
        return new Footprint(vectors.bytes(), texts.bytes(), keywords.bytes(), 12L * ids.length);
    }

    /** Bytes held by the vectors, the texts, the keyword postings with the term dictionary, and the ids and pages. */
    public record Footprint(long vectors, long texts, long postings, long ids) {
    }

    /** The best {@code k} of the chunks in vector blocks {@code [fromBlock, toBlock)} scoring at least {@code minScore}. */
    private TopHits score(float[] query, float[] shares, float keywordWeight, float floor, int fromBlock, int toBlock, int k,
            float minScore) {
        TopHits top = new TopHits(k);
        float vectorWeight = 1 - keywordWeight;
        float scale = 1 / (1 - floor);
        float[] cosines = new float[CompactVectors.BLOCK];
        for (int block = fromBlock; block < toBlock; block++) {
            int width = vectors.cosines(query, block, cosines);
            int first = block * CompactVectors.BLOCK;
            for (int j = 0; j < width; j++) {
                float cosine = cosines[j];
                float score = vectorWeight * (floor == 0 ? cosine : Math.max(0, (cosine - floor) * scale));
                if (shares != null) {
                    score += keywordWeight * Math.min(1f, shares[first + j]);
                }
                if (score >= minScore) {
                    top.offer(first + j, score);
                }
            }
        }
        return top;
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
        private KeywordIndexBuilder keywords = new KeywordIndexBuilder(new Terms(Terms.WHOLE_WORDS));
        private boolean added;
        private final CompactVectors vectors;
        private long[] ids;
        private int[] pages;
        private PassageTexts texts;
        private PassageSource source;
        private int size;
        private final double[] keywordWeights = new double[Language.values().length];
        private final double[] similarityFloors = new double[Language.values().length];

        private Builder(int dimensions, int expectedChunks) {
            if (dimensions < 1 || expectedChunks < 0) {
                throw new IllegalArgumentException("dimensions must be positive and expectedChunks not negative");
            }
            int capacity = Math.max(16, expectedChunks);
            this.dimensions = dimensions;
            this.vectors = new CompactVectors(dimensions, capacity);
            this.ids = new long[capacity];
            this.pages = new int[capacity];
            this.texts = new PassageTexts(capacity, 800);
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
            this.keywords = new KeywordIndexBuilder(terms);
            return this;
        }

        /**
         * The texts are read from {@code source} when a question needs them, not kept in memory (they are still
         * given to {@link #add}, for the keywords).
         */
        public Builder passages(PassageSource source) {
            if (added) {
                throw new IllegalStateException("set the passage source before adding passages");
            }
            this.source = java.util.Objects.requireNonNull(source);
            this.texts = null;
            return this;
        }

        /** {@code vector} is scaled to unit length if it is not already, and kept as int8 ({@link CompactVectors}). */
        public Builder add(long chunkId, int page, String text, float[] vector) {
            if (vector.length != dimensions) {
                throw new IllegalArgumentException("vector has " + vector.length + " dimensions, index has " + dimensions);
            }
            if (size == ids.length) {
                int capacity = size * 2;
                ids = Arrays.copyOf(ids, capacity);
                pages = Arrays.copyOf(pages, capacity);
            }
            vectors.add(vector);
            ids[size] = chunkId;
            pages[size] = page;
            if (texts != null) {
                texts.add(text);
            }
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

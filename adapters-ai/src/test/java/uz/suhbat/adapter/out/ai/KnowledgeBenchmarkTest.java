package uz.suhbat.adapter.out.ai;

import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.suhbat.adapter.out.ai.fake.SyntheticText;
import uz.suhbat.adapter.out.ai.fake.TestPdfs;
import uz.suhbat.application.service.knowledge.EmbeddingPipeline;
import uz.suhbat.domain.knowledge.KnowledgeIndex;
import uz.suhbat.domain.knowledge.UzbekText;

/**
 * Measures ingestion and search; prints numbers, asserts nothing. Excluded from the normal build
 * (the root pom.xml excludes the {@code benchmark} tag unless a test is named); run it with bench/knowledge.sh
 * (docs/benchmarks-knowledge-detail.md).
 */
@Tag("benchmark")
class KnowledgeBenchmarkTest {

    private static final int PAGES = 300;
    private static final int BATCH = 32;
    private static final int CHUNKS = 100_000;
    private static final int QUERIES = 200;
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void ingestionOfA300PagePdfAgainstRawEmbeddingThroughput() {
        SyntheticText text = new SyntheticText(1);
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < PAGES; i++) {
            pages.add(text.words(260) + "\n\n" + text.words(120));
        }
        Path pdf = TestPdfs.withPages(dir.resolve("book.pdf"), pages);
        PdfDocumentText documents = new PdfDocumentText(2000, Duration.ofSeconds(600));

        try (MiniLmEmbeddings embeddings = new MiniLmEmbeddings()) {
            long readStart = System.nanoTime();
            List<String> chunkTexts = new ArrayList<>();
            documents.readPages(pdf, (number, page) -> MiniLmEmbeddings.TUNING.chunker().split(number, page)
                    .forEach(chunk -> chunkTexts.add(UzbekText.normalize(chunk.text()))));
            double readSeconds = seconds(readStart);
            // ONNX Runtime and the JIT need a few hundred texts before they reach full speed
            embedInBatches(embeddings, chunkTexts.subList(0, 8 * BATCH));
            embedInBatches(embeddings, chunkTexts.subList(0, 8 * BATCH));

            // alternate the two so that neither profits from running later, or suffers from a noisy neighbour more
            EmbeddingPipeline pipeline = new EmbeddingPipeline(documents, embeddings, MiniLmEmbeddings.TUNING.chunker(), BATCH, 4 * BATCH);
            double[] raw = new double[ROUNDS];
            double[] piped = new double[ROUNDS];
            EmbeddingPipeline.Totals totals = null;
            for (int round = 0; round < ROUNDS; round++) {
                long rawStart = System.nanoTime();
                embedInBatches(embeddings, chunkTexts);
                raw[round] = chunkTexts.size() / seconds(rawStart);
                long pipelineStart = System.nanoTime();
                totals = pipeline.run(pdf, (batch, pagesRead) -> { });
                piped[round] = totals.chunks() / seconds(pipelineStart);
            }
            if (totals.chunks() != chunkTexts.size()) {
                throw new AssertionError("chunk counts differ: " + chunkTexts.size() + " vs " + totals.chunks());
            }

            double pagesPerChunk = (double) totals.pages() / totals.chunks();
            System.out.printf("%nIngestion of a %d-page PDF (%d chunks, batches of %d, %d cores), %d rounds:%n",
                    totals.pages(), totals.chunks(), BATCH, Runtime.getRuntime().availableProcessors(), ROUNDS);
            System.out.printf("  PDF text + chunking alone: %.1f s, %.0f pages/s%n", readSeconds, PAGES / readSeconds);
            for (int round = 0; round < ROUNDS; round++) {
                System.out.printf("  round %d: raw embedding %.1f chunks/s; pipeline %.1f chunks/s = %.1f pages/s (%.0f%% of raw)%n",
                        round + 1, raw[round], piped[round], piped[round] * pagesPerChunk, 100 * piped[round] / raw[round]);
            }
            double bestRaw = Arrays.stream(raw).max().orElseThrow();
            double bestPiped = Arrays.stream(piped).max().orElseThrow();
            System.out.printf("  best: raw %.1f chunks/s; pipeline %.1f chunks/s = %.1f pages/s; pipeline / raw = %.0f%%%n",
                    bestRaw, bestPiped, bestPiped * pagesPerChunk, 100 * bestPiped / bestRaw);
        }
    }

    private static void embedInBatches(MiniLmEmbeddings embeddings, List<String> texts) {
        for (int from = 0; from < texts.size(); from += BATCH) {
            embeddings.embedAll(texts.subList(from, Math.min(texts.size(), from + BATCH)));
        }
    }

    @Test
    void oneQueryOver100000Chunks() {
        searchBenchmark(1, CHUNKS);
    }

    /** A million chunks held at once, in four models of 250,000; each query asks one of them, in turn. */
    @Test
    void oneQueryWithAMillionChunksAcrossFourModels() {
        searchBenchmark(4, 250_000);
    }

    /**
     * Builds {@code models} indexes of {@code chunksEach} synthetic passages (on both cores, one model a task), their
     * texts read back from a source that writes them again from the passage's number (as the application reads them
     * from MySQL), then times 200 hybrid queries and, as the reference in the same run, the same queries vectors only
     * (the int8 dot-product pass alone; the keywords cost the difference), and the scan before session 6 (row by row)
     * over a copy of the first model's vectors; then the same hybrid queries from 1, 2 and 4 threads at once.
     */
    private static void searchBenchmark(int models, int chunksEach) {
        Random random = new Random(2);
        long heapBefore = heapInUse();
        long buildStart = System.nanoTime();
        List<KnowledgeIndex> indexes = java.util.stream.IntStream.range(0, models).parallel()
                .mapToObj(model -> build(model, chunksEach)).toList();
        double buildSeconds = seconds(buildStart);
        long heap = heapInUse() - heapBefore;

        SyntheticText text = new SyntheticText(3);
        List<float[]> vectors = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            vectors.add(randomUnitVector(random));
            questions.add(text.words(4 + random.nextInt(8)));
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < QUERIES; i++) {
                indexes.get(i % models).search(vectors.get(i), questions.get(i), 16, 0.1);
                indexes.get(i % models).search(vectors.get(i), null, 16, 0.1);
            }
        }
        // the previous scan (session 5: int8 codes row by row) over a copy of model 0's vectors, as the second reference
        RowByRowScan previous = new RowByRowScan(chunksEach, new Random(1000));
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < QUERIES; i++) {
                previous.search(vectors.get(i), 16, 0.1f);
            }
        }
        // interleaved, so that a neighbour's load falls on all alike
        double[] hybrid = new double[QUERIES];
        double[] vectorsOnly = new double[QUERIES];
        double[] before = new double[QUERIES];
        int[] sameTop = new int[2];
        for (int i = 0; i < QUERIES; i++) {
            KnowledgeIndex index = indexes.get(i % models);
            long start = System.nanoTime();
            index.search(vectors.get(i), questions.get(i), 16, 0.1);
            hybrid[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            List<KnowledgeIndex.Hit> now = index.search(vectors.get(i), null, 16, 0.1);
            vectorsOnly[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            long[] then = previous.search(vectors.get(i), 16, 0.1f);
            before[i] = (System.nanoTime() - start) / 1e6;
            if (i % models == 0) {
                sameTop[0] += Arrays.equals(now.stream().mapToLong(KnowledgeIndex.Hit::chunkId).toArray(), then) ? 1 : 0;
                sameTop[1]++;
            }
        }
        Arrays.sort(hybrid);
        Arrays.sort(vectorsOnly);
        Arrays.sort(before);
        Reference.reachabilityFence(previous);
        previous = null;
        String concurrent = concurrent(indexes, vectors, questions);
        KnowledgeIndex.Footprint f = indexes.get(0).footprint();
        int total = models * chunksEach;
        System.out.printf("%nSearch with %,d chunks of 384 dimensions loaded (%d model(s) of %,d), k=16, %d cores (built in %.1f s):%n",
                total, models, chunksEach, Runtime.getRuntime().availableProcessors(), buildSeconds);
        System.out.printf("  %d hybrid queries: median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                QUERIES, hybrid[QUERIES / 2], hybrid[(int) (QUERIES * 0.95)], hybrid[QUERIES - 1]);
        System.out.printf("  reference, same queries: vectors only (the int8 scan) median %.2f ms, p95 %.2f ms;"
                        + " hybrid / vectors only = %.2f%n",
                vectorsOnly[QUERIES / 2], vectorsOnly[(int) (QUERIES * 0.95)],
                hybrid[QUERIES / 2] / vectorsOnly[QUERIES / 2]);
        System.out.printf("  reference, same queries: the previous scan (session 5, int8 row by row, split over the cores the same way,"
                        + " vectors only) median %.2f ms, p95 %.2f ms; vectors only now / previous = %.2f;"
                        + " the same 16 hits in the same order in %d of %d queries%n",
                before[QUERIES / 2], before[(int) (QUERIES * 0.95)], vectorsOnly[QUERIES / 2] / before[QUERIES / 2], sameTop[0], sameTop[1]);
        System.out.print(concurrent);
        System.out.printf("  heap held by the index(es): %.1f MB = %.1f MB per 100,000 chunks; one model's arrays per 100,000 chunks:"
                        + " vectors %.1f MB, texts %.1f MB, keywords (postings and terms) %.1f MB, ids and pages %.1f MB%n",
                heap / 1e6, heap / 1e6 * 100_000 / total, mbPer100k(f.vectors(), chunksEach), mbPer100k(f.texts(), chunksEach),
                mbPer100k(f.postings(), chunksEach), mbPer100k(f.ids(), chunksEach));
        Reference.reachabilityFence(indexes);
    }

    /**
     * Hybrid queries from 1, 2 and 4 threads at once (each thread its own share of the 200, round after round for about a
     * second): queries per second over all threads and the median time of one, so that a split of one query over the
     * cores is seen not to cost a busy server its throughput.
     */
    private static String concurrent(List<KnowledgeIndex> indexes, List<float[]> vectors, List<String> questions) {
        StringBuilder out = new StringBuilder("  concurrent hybrid queries:");
        for (int threads : new int[] {1, 2, 4}) {
            int each = 2 * QUERIES / threads;
            double[][] times = new double[threads][each];
            Thread[] workers = new Thread[threads];
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers[t] = Thread.ofPlatform().start(() -> {
                    for (int j = 0; j < each; j++) {
                        int i = (thread * each + j) % QUERIES;
                        long begin = System.nanoTime();
                        indexes.get(i % indexes.size()).search(vectors.get(i), questions.get(i), 16, 0.1);
                        times[thread][j] = (System.nanoTime() - begin) / 1e6;
                    }
                });
            }
            for (Thread worker : workers) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            double seconds = seconds(start);
            double[] all = Arrays.stream(times).flatMapToDouble(Arrays::stream).sorted().toArray();
            out.append(String.format(" %d thread(s) %.0f queries/s (median %.2f ms);", threads, all.length / seconds, all[all.length / 2]));
        }
        return out.append(System.lineSeparator()).toString();
    }

    /** The int8 scan before session 6, row by row with eight sums, over the vectors {@link #build} makes from the same seed. */
    private static final class RowByRowScan {

        private final byte[] codes;
        private final float[] scales;
        private final int size;

        RowByRowScan(int size, Random random) {
            this.size = size;
            codes = new byte[size * 384];
            scales = new float[size];
            for (int n = 0; n < size; n++) {
                float[] vector = randomUnitVector(random);
                float max = 0;
                double sum = 0;
                for (float v : vector) {
                    sum += v * v;
                    max = Math.max(max, Math.abs(v));
                }
                float step = max / 127;
                for (int i = 0; i < 384; i++) {
                    codes[n * 384 + i] = (byte) Math.round(vector[i] / step);
                }
                scales[n] = (float) (step / Math.sqrt(sum));
            }
        }

        long[] search(float[] query, int k, float minScore) {
            int parts = size < 20_000 ? 1 : Math.min(Runtime.getRuntime().availableProcessors(), size / 10_000);
            List<java.util.concurrent.CompletableFuture<float[][]>> others = new ArrayList<>();
            for (int part = 1; part < parts; part++) {
                int from = (int) ((long) size * part / parts);
                int to = (int) ((long) size * (part + 1) / parts);
                others.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> scan(query, from, to, k, minScore)));
            }
            float[][] top = scan(query, 0, size / parts, k, minScore);
            List<float[][]> all = new ArrayList<>();
            all.add(top);
            others.forEach(other -> all.add(other.join()));
            // (score, chunk) pairs of every part, best first, a lower chunk first on a tie
            List<float[]> merged = new ArrayList<>();
            for (float[][] part : all) {
                for (int i = 0; i < part[0].length; i++) {
                    if (part[1][i] >= 0) {
                        merged.add(new float[] {part[0][i], part[1][i]});
                    }
                }
            }
            merged.sort((a, b) -> a[0] != b[0] ? Float.compare(b[0], a[0]) : Float.compare(a[1], b[1]));
            return merged.stream().limit(k).mapToLong(pair -> (long) pair[1]).toArray();
        }

        /** The best k of [from, to): scores and chunk numbers (-1 where fewer were found). */
        private float[][] scan(float[] query, int from, int to, int k, float minScore) {
            float[] scores = new float[k];
            float[] chunks = new float[k];
            Arrays.fill(scores, Float.NEGATIVE_INFINITY);
            Arrays.fill(chunks, -1);
            float weight = 1 - (float) KnowledgeIndex.DEFAULT_KEYWORD_WEIGHT;
            for (int chunk = from; chunk < to; chunk++) {
                float score = weight * dot(query, chunk);
                if (score >= minScore && score > scores[k - 1]) {
                    int at = k - 1;
                    while (at > 0 && score > scores[at - 1]) {
                        scores[at] = scores[at - 1];
                        chunks[at] = chunks[at - 1];
                        at--;
                    }
                    scores[at] = score;
                    chunks[at] = chunk;
                }
            }
            return new float[][] {scores, chunks};
        }

        private float dot(float[] query, int index) {
            int offset = index * 384;
            byte[] c = codes;
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int i = 0; i < 384; i += 8) {
                s0 += query[i] * c[offset + i];
                s1 += query[i + 1] * c[offset + i + 1];
                s2 += query[i + 2] * c[offset + i + 2];
                s3 += query[i + 3] * c[offset + i + 3];
                s4 += query[i + 4] * c[offset + i + 4];
                s5 += query[i + 5] * c[offset + i + 5];
                s6 += query[i + 6] * c[offset + i + 6];
                s7 += query[i + 7] * c[offset + i + 7];
            }
            return (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))) * scales[index];
        }
    }

    /** One model's index; passage i's text is {@link #passage}(model, i), which the index reads back when it needs it. */
    private static KnowledgeIndex build(int model, int chunks) {
        Random random = new Random(1000 + model);
        KnowledgeIndex.Builder builder = KnowledgeIndex.builder(384, chunks)
                .passages(ids -> ids.stream().collect(java.util.stream.Collectors.toMap(id -> id, id -> passage(model, id))));
        for (int i = 0; i < chunks; i++) {
            builder.add(i, 1 + i / 3, passage(model, i), randomUnitVector(random));
        }
        return builder.build();
    }

    /** Passage {@code id} of a model: 140 synthetic words, the same every time it is asked for. */
    private static String passage(int model, long id) {
        return new SyntheticText(model * 10_000_000L + id).words(140);
    }

    private static double mbPer100k(long bytes, int chunks) {
        return bytes / 1e6 * 100_000 / chunks;
    }

    private static long heapInUse() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static float[] randomUnitVector(Random random) {
        float[] vector = new float[384];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

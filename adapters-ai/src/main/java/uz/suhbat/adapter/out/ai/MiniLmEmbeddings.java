package uz.suhbat.adapter.out.ai;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;
import uz.suhbat.domain.knowledge.Language;

/**
 * all-MiniLM-L6-v2 run in process by ONNX Runtime; the model file ships inside the langchain4j jar,
 * so nothing is downloaded. langchain4j embeds the texts of one call concurrently on the executor
 * given here, one thread per core, which is how a batch uses both cores of a small server.
 */
final class MiniLmEmbeddings implements EmbeddingPort, AutoCloseable {

    static final String MODEL_ID = "all-minilm-l6-v2/384";
    private static final int DIMENSIONS = 384;
    /**
     * all-MiniLM-L6-v2 reads at most 256 word pieces: about 140 words with 25 of overlap, at most
     * 900 characters (suffix-heavy Uzbek takes 2–3 pieces a word). The model was trained on English:
     * on Uzbek and Russian its similarity barely tells passages apart (a question and an unrelated
     * passage already score 0.43 and 0.54 on average, against 0.16 in English: the similarity floors),
     * so there the keywords carry the ranking. Floors and weights were measured and chosen on the
     * evaluation set (docs/benchmarks.md, "Retrieval quality"; bench/retrieval.sh calibrate).
     */
    static final Tuning TUNING = new Tuning(140, 25, 900,
            Map.of(Language.ENGLISH, 0.4, Language.UZBEK, 0.6, Language.RUSSIAN, 0.6),
            Map.of(Language.ENGLISH, 0.15, Language.UZBEK, 0.4, Language.RUSSIAN, 0.5));

    private final ExecutorService executor;
    // loaded on first use (ONNX Runtime and ~90 MB of model): start-up does not wait for it
    private volatile EmbeddingModel model;

    MiniLmEmbeddings() {
        this(Runtime.getRuntime().availableProcessors());
    }

    MiniLmEmbeddings(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "minilm-embedding-" + count.incrementAndGet());
            // an unclosed adapter (tests, a failed start-up) must not keep the JVM alive
            thread.setDaemon(true);
            return thread;
        });
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = new AllMiniLmL6V2EmbeddingModel(executor);
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public Tuning tuning() {
        return TUNING;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = model().embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(unit(embedding.vector()));
        }
        return vectors;
    }

    /** langchain4j normalises today; the index's scores are only cosines if that stays true, so make sure. */
    private static float[] unit(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        if (sum > 0 && Math.abs(sum - 1) > 1e-6) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}

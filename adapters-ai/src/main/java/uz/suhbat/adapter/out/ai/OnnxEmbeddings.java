package uz.suhbat.adapter.out.ai;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import uz.suhbat.adapter.out.ai.isolated.EmbeddingRuntime;
import uz.suhbat.adapter.out.ai.isolated.RuntimeClassLoader;

/**
 * A local ONNX model file with its {@code tokenizer.json} (e.g. a multilingual E5 or MiniLM exported by
 * sentence-transformers), run in process by ONNX Runtime with langchain4j's ONNX classes, on one thread per core, in the
 * embedding runtime's class loader ({@link RuntimeClassLoader}, shared with MiniLM's while both are loaded: the
 * tokenizer's native library can be loaded by one loader only). ONNX Runtime's default session options, as langchain4j's
 * {@code OnnxEmbeddingModel} sets them. The file is loaded on first use, so start-up does not wait for it, and kept
 * until the adapter is closed.
 */
final class OnnxEmbeddings extends CalibratedEmbeddings implements AutoCloseable {

    private final Path modelFile;
    private final Path tokenizer;
    private final String pooling;
    private final ExecutorService executor;
    private volatile EmbeddingRuntime model;

    OnnxEmbeddings(EmbeddingSettings settings) {
        this.modelFile = Path.of(settings.onnxModel());
        this.tokenizer = Path.of(settings.onnxTokenizer());
        this.pooling = settings.onnxPooling();
        for (Path file : new Path[] {modelFile, tokenizer}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("EMBEDDING_ONNX_MODEL / EMBEDDING_ONNX_TOKENIZER: no such file " + file.toAbsolutePath());
            }
        }
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "onnx-embedding-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private EmbeddingRuntime model() {
        EmbeddingRuntime loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = RuntimeClassLoader.open(Map.of("model", modelFile.toString(), "tokenizer", tokenizer.toString(),
                            "pooling", pooling, "session", "default"), executor);
                }
                loaded = model;
            }
        }
        return loaded;
    }

    @Override
    List<float[]> vectors(List<String> texts) {
        return model().embedAll(texts);
    }

    @Override
    public String modelId() {
        String name = modelFile.getFileName().toString();
        return "onnx:" + (name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name);
    }

    @Override
    public void close() {
        synchronized (this) {
            EmbeddingRuntime loaded = model;
            model = null;
            if (loaded != null) {
                loaded.close();
            }
        }
        executor.shutdown();
    }
}

package uz.suhbat.adapter.out.ai;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local ONNX embedding model file with its {@code tokenizer.json} (e.g. a multilingual E5 or MiniLM
 * exported by sentence-transformers), run in process by langchain4j's {@link OnnxEmbeddingModel} on one
 * thread per core. The file is loaded on first use, so start-up does not wait for it.
 */
final class OnnxEmbeddings extends CalibratedEmbeddings implements AutoCloseable {

    private final Path modelFile;
    private final Path tokenizer;
    private final PoolingMode pooling;
    private final ExecutorService executor;
    private volatile EmbeddingModel model;

    OnnxEmbeddings(EmbeddingSettings settings) {
        this.modelFile = Path.of(settings.onnxModel());
        this.tokenizer = Path.of(settings.onnxTokenizer());
        this.pooling = settings.onnxPooling().equals("cls") ? PoolingMode.CLS : PoolingMode.MEAN;
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

    @Override
    EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = new OnnxEmbeddingModel(modelFile, tokenizer, pooling, executor);
                }
                loaded = model;
            }
        }
        return loaded;
    }

    @Override
    public String modelId() {
        String name = modelFile.getFileName().toString();
        return "onnx:" + (name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name);
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}

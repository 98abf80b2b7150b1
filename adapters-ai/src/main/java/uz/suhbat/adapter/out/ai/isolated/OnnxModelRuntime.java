package uz.suhbat.adapter.out.ai.isolated;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * An ONNX Runtime session of a BERT-like sentence encoder with its Hugging Face tokenizer, embedding the texts of one
 * call concurrently on the executor given (langchain4j's {@link AbstractInProcessEmbeddingModel}). Loaded only by
 * {@link RuntimeClassLoader}, never by the application's class loader: it is the one class that names ONNX Runtime's,
 * DJL's and langchain4j's ONNX classes.
 *
 * <p>What it is given, as JDK types: {@code model} (path of the {@code .onnx} file), {@code tokenizer} (path of its
 * {@code tokenizer.json}) or {@code tokenizer-resource} (a resource of the class path), {@code pooling} ({@code mean} or
 * {@code cls}), {@code session} ({@code lean}: no memory arena of ONNX Runtime's own and no pre-planned memory patterns;
 * else ONNX Runtime's defaults) and {@code dimensions} (the vectors' length when known, else empty).
 */
public final class OnnxModelRuntime implements EmbeddingRuntime {

    private final OrtSession session;
    private final OnnxBertBiEncoder encoder;
    private final Model model;

    public OnnxModelRuntime(Map<String, String> spec, ExecutorService executor) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (InputStream tokenizer = tokenizer(spec); OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if ("lean".equals(spec.get("session"))) {
                options.setCPUArenaAllocator(false);
                options.setMemoryPatternOptimization(false);
            }
            this.session = environment.createSession(spec.get("model"), options);
            try {
                this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer,
                        "cls".equals(spec.get("pooling")) ? PoolingMode.CLS : PoolingMode.MEAN);
            } catch (RuntimeException | Error e) {
                session.close();
                throw e;
            }
        } catch (OrtException e) {
            throw new IllegalStateException(spec.get("model") + " could not be loaded: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String dimensions = spec.getOrDefault("dimensions", "");
        this.model = new Model(executor, encoder, dimensions.isEmpty() ? null : Integer.valueOf(dimensions));
    }

    private static InputStream tokenizer(Map<String, String> spec) throws IOException {
        String resource = spec.get("tokenizer-resource");
        if (resource == null) {
            return Files.newInputStream(Path.of(spec.get("tokenizer")));
        }
        InputStream stream = OnnxModelRuntime.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException(resource + " is missing from the class path");
        }
        return stream;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return ModelVectors.of(model, texts);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            closeTokenizer();
        }
    }

    /** The encoder keeps its tokenizer (native memory of the Rust library) private and never closes it: closed here. */
    private void closeTokenizer() {
        try {
            Field field = OnnxBertBiEncoder.class.getDeclaredField("tokenizer");
            field.setAccessible(true);
            if (field.get(encoder) instanceof AutoCloseable tokenizer) {
                tokenizer.close();
            }
        } catch (Exception e) {
            // a langchain4j version without that field: the tokenizer's memory goes with the class loader's collection
        }
    }

    private static final class Model extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;
        private final Integer dimensions;

        Model(ExecutorService executor, OnnxBertBiEncoder encoder, Integer dimensions) {
            super(executor);
            this.encoder = encoder;
            this.dimensions = dimensions;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return dimensions;
        }
    }
}

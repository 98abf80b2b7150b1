package uz.suhbat.adapter.out.ai.isolated;

import java.util.List;

/**
 * A loaded embedding model, as the application's class loader sees it: only JDK types cross, so that nothing of the
 * runtime's own classes is ever loaded outside {@link RuntimeClassLoader}.
 */
public interface EmbeddingRuntime extends AutoCloseable {

    /** One vector per text, in order, as the model gives it (not scaled to unit length here). */
    List<float[]> embedAll(List<String> texts);

    /** Frees the model's native session and tokenizer; the runtime is not used after this. */
    @Override
    void close();
}

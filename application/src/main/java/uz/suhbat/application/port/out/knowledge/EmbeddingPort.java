package uz.suhbat.application.port.out.knowledge;

import java.util.List;

/** Turns text into unit-length vectors for similarity search, in process. */
public interface EmbeddingPort {

    /** Identifies the model and its dimension, stored with every knowledge model (e.g. "all-minilm-l6-v2/384"). */
    String modelId();

    int dimensions();

    /**
     * One unit-length vector per text, in the same order, so that a dot product is the cosine.
     * Uses several threads for a list; callers batch (tens of texts per call) to keep every core busy.
     */
    List<float[]> embedAll(List<String> texts);

    default float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }
}

package uz.suhbat.adapter.out.ai;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;

/**
 * An embedding model behind langchain4j's {@link EmbeddingModel} whose length and similarity floors
 * are found by asking it ({@link SimilarityCalibration}) the first time they are needed — when a model
 * of this kind is first read or searched — and kept from then on. Vectors are scaled to unit length.
 */
abstract class CalibratedEmbeddings implements EmbeddingPort {

    private volatile Tuning tuning;
    private volatile int dimensions;

    /** The model's vector of each text, in order, not yet scaled (loaded on first use by implementations that load something large). */
    abstract List<float[]> vectors(List<String> texts);

    @Override
    public int dimensions() {
        int known = dimensions;
        if (known == 0) {
            known = embed("dimensions").length;
            dimensions = known;
        }
        return known;
    }

    @Override
    public Tuning tuning() {
        Tuning known = tuning;
        if (known == null) {
            synchronized (this) {
                if (tuning == null) {
                    tuning = SimilarityCalibration.calibrate(this::embedAll);
                }
                known = tuning;
            }
        }
        return known;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<float[]> embeddings = vectors(texts);
        if (embeddings.size() != texts.size()) {
            throw new IllegalStateException("asked for " + texts.size() + " embeddings, got " + embeddings.size());
        }
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (float[] embedding : embeddings) {
            vectors.add(unit(embedding));
        }
        return vectors;
    }

    static float[] unit(float[] vector) {
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
}

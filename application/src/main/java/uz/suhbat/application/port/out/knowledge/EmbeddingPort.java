package uz.suhbat.application.port.out.knowledge;

import java.util.List;
import java.util.Map;
import uz.suhbat.domain.knowledge.Chunker;
import uz.suhbat.domain.knowledge.Language;

/** Turns text into unit-length vectors for similarity search, in process. */
public interface EmbeddingPort {

    /** Identifies the model and its dimension, stored with every knowledge model (e.g. "all-minilm-l6-v2/384"). */
    String modelId();

    int dimensions();

    /** The numbers the core needs that depend on this model: how to cut documents and how to weigh its similarity. */
    Tuning tuning();

    /**
     * One unit-length vector per text, in the same order, so that a dot product is the cosine.
     * Uses several threads for a list; callers batch (tens of texts per call) to keep every core busy.
     */
    List<float[]> embedAll(List<String> texts);

    default float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    /**
     * Numbers that depend on the embedding model. {@code chunkWords}, {@code overlapWords} and
     * {@code chunkChars} size the passages (a model reads a bounded number of word pieces);
     * {@code keywordWeights} says, per language of the question, how much the keyword share weighs
     * against the calibrated vector similarity (0: vectors only, 1: keywords only), as measured on the
     * evaluation set for this model. A language missing from the map weighs both alike.
     * {@code similarityFloors}: per language, the cosine this model gives a question and a passage
     * that are unrelated; similarity counts from there, which calibrates scores per embedding kind
     * (a language missing from the map: 0, raw cosines).
     */
    record Tuning(int chunkWords, int overlapWords, int chunkChars, Map<Language, Double> keywordWeights,
                  Map<Language, Double> similarityFloors) {

        public Tuning {
            keywordWeights = Map.copyOf(keywordWeights);
            similarityFloors = Map.copyOf(similarityFloors);
        }

        public double similarityFloor(Language language) {
            return similarityFloors.getOrDefault(language, 0.0);
        }

        public Chunker chunker() {
            return new Chunker(chunkWords, overlapWords, chunkChars);
        }

        public double keywordWeight(Language language) {
            return keywordWeights.getOrDefault(language, 0.5);
        }
    }
}

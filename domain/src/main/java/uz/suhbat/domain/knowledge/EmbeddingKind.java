package uz.suhbat.domain.knowledge;

/**
 * Which embedding model turns a PDF model's passages and questions into vectors, chosen by the admin
 * when the model is created and kept with it (a model's vectors only compare with vectors of the same kind).
 */
public enum EmbeddingKind {
    /** all-MiniLM-L6-v2 in process: offline, the default; understands English far better than Uzbek or Russian. */
    MINILM,
    /** The upstream's OpenAI-compatible {@code /v1/embeddings} (e.g. text-embedding-3-small): multilingual, costs a request. */
    UPSTREAM,
    /** A local ONNX model file with its tokenizer (e.g. a multilingual E5), in process. */
    ONNX;

    /** The kind named by {@code name} (any case), or null for null, blank or an unknown name. */
    public static EmbeddingKind parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        for (EmbeddingKind kind : values()) {
            if (kind.name().equalsIgnoreCase(name.strip())) {
                return kind;
            }
        }
        return null;
    }
}

package uz.suhbat.adapter.out.ai;

import java.util.Locale;

/**
 * The optional embedding kinds an admin may choose for a PDF model, from {@code .env}.
 *
 * @param upstreamModel      the upstream's embedding model id (e.g. {@code text-embedding-3-small}), reached at the
 *                           chat's {@code OPENAI_BASE_URL} with its key; blank: not offered ({@code EMBEDDING_UPSTREAM_MODEL})
 * @param upstreamDimensions asks the upstream for vectors this long (text-embedding-3 models can shorten theirs); 0: the
 *                           model's own length ({@code EMBEDDING_UPSTREAM_DIMENSIONS})
 * @param onnxModel          path of a local ONNX embedding model file; blank: not offered ({@code EMBEDDING_ONNX_MODEL})
 * @param onnxTokenizer      path of its {@code tokenizer.json} ({@code EMBEDDING_ONNX_TOKENIZER})
 * @param onnxPooling        {@code mean} (sentence-transformers, E5) or {@code cls} (BGE) ({@code EMBEDDING_ONNX_POOLING})
 */
public record EmbeddingSettings(String upstreamModel, int upstreamDimensions, String onnxModel, String onnxTokenizer, String onnxPooling) {

    public static final EmbeddingSettings NONE = new EmbeddingSettings("", 0, "", "", "mean");

    public EmbeddingSettings {
        upstreamModel = upstreamModel == null ? "" : upstreamModel.strip();
        onnxModel = onnxModel == null ? "" : onnxModel.strip();
        onnxTokenizer = onnxTokenizer == null ? "" : onnxTokenizer.strip();
        onnxPooling = onnxPooling == null || onnxPooling.isBlank() ? "mean" : onnxPooling.strip().toLowerCase(Locale.ROOT);
        if (upstreamDimensions < 0) {
            throw new IllegalArgumentException("EMBEDDING_UPSTREAM_DIMENSIONS must not be negative: " + upstreamDimensions);
        }
        if (!onnxPooling.equals("mean") && !onnxPooling.equals("cls")) {
            throw new IllegalArgumentException("EMBEDDING_ONNX_POOLING must be mean or cls: " + onnxPooling);
        }
        if (!onnxModel.isEmpty() && onnxTokenizer.isEmpty()) {
            throw new IllegalArgumentException("EMBEDDING_ONNX_MODEL is set but EMBEDDING_ONNX_TOKENIZER is not: the model needs its tokenizer.json");
        }
    }

    boolean upstream() {
        return !upstreamModel.isEmpty();
    }

    boolean onnx() {
        return !onnxModel.isEmpty();
    }
}

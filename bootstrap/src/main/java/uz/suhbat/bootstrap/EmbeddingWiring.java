package uz.suhbat.bootstrap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import uz.suhbat.adapter.out.ai.EmbeddingSettings;

/**
 * The embedding kinds an admin may choose for a PDF model besides in-process MiniLM, from
 * {@code .env}: EMBEDDING_UPSTREAM_MODEL (and EMBEDDING_UPSTREAM_DIMENSIONS) for the upstream's
 * {@code /v1/embeddings}, EMBEDDING_ONNX_MODEL with EMBEDDING_ONNX_TOKENIZER (and EMBEDDING_ONNX_POOLING)
 * for a local ONNX model file. A bad value stops the start with a sentence naming the key.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingWiring {

    @Bean
    EmbeddingSettings embeddingSettings(Environment env) {
        String dimensions = env.getProperty("EMBEDDING_UPSTREAM_DIMENSIONS", "0").strip();
        int parsed;
        try {
            parsed = dimensions.isEmpty() ? 0 : Integer.parseInt(dimensions);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("EMBEDDING_UPSTREAM_DIMENSIONS must be a whole number: " + dimensions);
        }
        return new EmbeddingSettings(env.getProperty("EMBEDDING_UPSTREAM_MODEL", ""), parsed, env.getProperty("EMBEDDING_ONNX_MODEL", ""),
                env.getProperty("EMBEDDING_ONNX_TOKENIZER", ""), env.getProperty("EMBEDDING_ONNX_POOLING", "mean"));
    }
}

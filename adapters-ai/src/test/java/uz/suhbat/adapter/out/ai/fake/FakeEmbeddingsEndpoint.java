package uz.suhbat.adapter.out.ai.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/embeddings} of the fake upstream: the request is checked against OpenAI's
 * {@code CreateEmbeddingRequest} and the answer against {@code CreateEmbeddingResponse}. The vectors
 * are real in the sense that matters to retrieval: a text's lower-cased words hashed into
 * {@value #DIMENSIONS} dimensions (feature hashing), scaled to unit length, so texts sharing words are
 * close and texts sharing none are orthogonal. {@code "dimensions"} in the request shortens them
 * (as OpenAI's text-embedding-3 models do); {@code "encoding_format": "base64"} is answered as
 * little-endian floats in base64, as OpenAI does.
 */
final class FakeEmbeddingsEndpoint {

    static final int DIMENSIONS = 256;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final OpenAiSpec spec;
    private final List<String> violations;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    FakeEmbeddingsEndpoint(OpenAiSpec spec, List<String> violations) {
        this.spec = spec;
        this.violations = violations;
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    void respond(HttpExchange exchange) throws IOException {
        JsonNode body;
        try {
            body = JsonMapper.shared().readTree(exchange.getRequestBody().readAllBytes());
        } catch (JacksonException e) {
            violations.add("embeddings request body is not JSON: " + e.getOriginalMessage());
            FakeOpenAi.refuse(exchange, Reply.error(400, "invalid_request_error", null, "We could not parse the JSON body."));
            return;
        }
        requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
        List<String> problems = spec.violations(OpenAiSpec.EMBEDDING_REQUEST, body);
        if (!problems.isEmpty()) {
            violations.addAll(problems);
            FakeOpenAi.refuse(exchange, Reply.error(400, "invalid_request_error", null, String.join("; ", problems)));
            return;
        }
        List<String> inputs = new ArrayList<>();
        JsonNode input = body.path("input");
        if (input.isArray()) {
            input.forEach(item -> inputs.add(item.asString("")));
        } else {
            inputs.add(input.asString(""));
        }
        if (inputs.stream().anyMatch(String::isEmpty)) {
            FakeOpenAi.refuse(exchange, Reply.error(400, "invalid_request_error", null, "'$.input' is invalid: empty string"));
            return;
        }
        int dimensions = body.path("dimensions").asInt(DIMENSIONS);
        boolean base64 = "base64".equals(body.path("encoding_format").asString("float"));
        ArrayNode data = JSON.arrayNode();
        int tokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            float[] vector = vector(inputs.get(i), dimensions);
            tokens += inputs.get(i).strip().split("\\s+").length;
            ObjectNode item = JSON.objectNode().put("object", "embedding").put("index", i);
            if (base64) {
                item.put("embedding", base64(vector));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float v : vector) {
                    values.add(v);
                }
            }
            data.add(item);
        }
        ObjectNode answer = JSON.objectNode().put("object", "list");
        answer.set("data", data);
        answer.put("model", body.path("model").asString());
        answer.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        if (!base64) {
            violations.addAll(spec.violations(OpenAiSpec.EMBEDDING_RESPONSE, answer));
        }
        byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The words of {@code text} hashed into {@code dimensions} signed buckets, unit length. */
    static float[] vector(String text, int dimensions) {
        float[] vector = new float[dimensions];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            int hash = word.hashCode() * 0x9E3779B1;
            vector[Math.floorMod(hash, dimensions)] += (hash & 0x10000) == 0 ? 1 : -1;
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            vector[0] = 1;
            return vector;
        }
        for (int i = 0; i < dimensions; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    private static String base64(float[] vector) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 * vector.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            buffer.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }
}

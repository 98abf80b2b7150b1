package uz.suhbat.adapter.out.ai.fake;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas of OpenAI's published API description that the fake upstream and the request checks
 * touch: the request ({@code CreateChatCompletionRequest}) and each streamed chunk
 * ({@code CreateChatCompletionStreamResponse}), the embeddings request and answer
 * ({@code CreateEmbeddingRequest}, {@code CreateEmbeddingResponse}); and those that Suhbat's own /v1 API is checked
 * against (a whole answer, the model list, an error).
 *
 * <p>The description is a subset of OpenAI's {@code openapi.json} kept in this module's test
 * resources ({@code openai/openapi-subset.json}, see the README beside it for its source and MIT
 * licence), so the tests need nothing outside the repository. It travels in the test-jar too.
 */
public final class OpenAiSpec {

    public static final String REQUEST = "CreateChatCompletionRequest";
    public static final String CHUNK = "CreateChatCompletionStreamResponse";
    /** A whole (not streamed) answer, as Suhbat's own /v1 API gives it. */
    public static final String RESPONSE = "CreateChatCompletionResponse";
    public static final String MODELS = "ListModelsResponse";
    public static final String ERROR = "ErrorResponse";
    public static final String EMBEDDING_REQUEST = "CreateEmbeddingRequest";
    public static final String EMBEDDING_RESPONSE = "CreateEmbeddingResponse";
    static final String RESOURCE = "/openai/openapi-subset.json";

    private static volatile OpenAiSpec loaded;

    private final Map<String, Schema> schemas;

    private OpenAiSpec(Map<String, Schema> schemas) {
        this.schemas = schemas;
    }

    /** Parsing the description takes a moment, so it is done once per test JVM. */
    public static OpenAiSpec get() {
        OpenAiSpec spec = loaded;
        if (spec == null) {
            synchronized (OpenAiSpec.class) {
                if (loaded == null) {
                    loaded = load();
                }
                spec = loaded;
            }
        }
        return spec;
    }

    /** The violations of the named schema, as "location: message" lines; empty when the instance conforms. */
    public List<String> violations(String schemaName, JsonNode instance) {
        List<Error> errors = schemas.get(schemaName).validate(instance);
        return errors.stream().map(error -> schemaName + " " + error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }

    private static OpenAiSpec load() {
        JsonNode document;
        try (InputStream in = OpenAiSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " is missing from the classpath");
            }
            document = JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        JsonNode components = JsonNodeFactory.instance.objectNode()
                .set("schemas", toJsonSchema(document.path("components").path("schemas")));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        return new OpenAiSpec(Map.of(
                REQUEST, registry.getSchema(root(REQUEST, components)),
                CHUNK, registry.getSchema(root(CHUNK, components)),
                EMBEDDING_REQUEST, registry.getSchema(root(EMBEDDING_REQUEST, components)),
                EMBEDDING_RESPONSE, registry.getSchema(root(EMBEDDING_RESPONSE, components)),
                RESPONSE, registry.getSchema(root(RESPONSE, components)),
                MODELS, registry.getSchema(root(MODELS, components)),
                ERROR, registry.getSchema(root(ERROR, components))));
    }

    /** A JSON Schema document that is the named component, with every component reachable by its OpenAPI $ref. */
    private static JsonNode root(String schemaName, JsonNode components) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
        root.put("$ref", "#/components/schemas/" + schemaName);
        root.set("components", components);
        return root;
    }

    /**
     * OpenAPI's {@code nullable: true} is not JSON Schema: a validator would refuse the {@code null}
     * that OpenAI itself sends (for example {@code "finish_reason": null}). It becomes a null type
     * (and a null enum value), or, beside a {@code $ref}, an {@code anyOf} with null.
     */
    private static JsonNode toJsonSchema(JsonNode node) {
        if (node instanceof ArrayNode array) {
            ArrayNode converted = JsonNodeFactory.instance.arrayNode();
            array.forEach(item -> converted.add(toJsonSchema(item)));
            return converted;
        }
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        ObjectNode converted = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            converted.set(field.getKey(), toJsonSchema(field.getValue()));
        }
        JsonNode nullable = converted.remove("nullable");
        if (nullable == null || !nullable.asBoolean()) {
            return converted;
        }
        JsonNode type = converted.get("type");
        if (type != null && type.isString()) {
            converted.set("type", JsonNodeFactory.instance.arrayNode().add(type.asString()).add("null"));
            if (converted.get("enum") instanceof ArrayNode values) {
                values.addNull();
            }
            return converted;
        }
        ObjectNode either = JsonNodeFactory.instance.objectNode();
        either.set("anyOf", JsonNodeFactory.instance.arrayNode()
                .add(converted)
                .add(JsonNodeFactory.instance.objectNode().put("type", "null")));
        return either;
    }
}

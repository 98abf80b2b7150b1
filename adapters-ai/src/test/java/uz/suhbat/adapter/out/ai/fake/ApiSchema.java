package uz.suhbat.adapter.out.ai.fake;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON Schema document of wire shapes kept in the test resources, whose {@code $defs} name the
 * shapes: Anthropic's Messages API ({@code anthropic/messages-api-subset.schema.json}) and Google's
 * Gemini API ({@code gemini/generative-language-subset.schema.json}). Each README beside them says
 * where the shapes come from and under which licence. Travels in the test-jar.
 */
public final class ApiSchema {

    public static final String ANTHROPIC = "/anthropic/messages-api-subset.schema.json";
    public static final String GEMINI = "/gemini/generative-language-subset.schema.json";

    private static final Map<String, ApiSchema> LOADED = new ConcurrentHashMap<>();

    private final String resource;
    private final JsonNode defs;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ApiSchema(String resource, JsonNode defs) {
        this.resource = resource;
        this.defs = defs;
    }

    /** Parsed once per test JVM. */
    public static ApiSchema of(String resource) {
        return LOADED.computeIfAbsent(resource, ApiSchema::load);
    }

    /** The violations of the named shape, as "Shape location: message" lines; empty when the instance conforms. */
    public List<String> violations(String shape, JsonNode instance) {
        Schema schema = schemas.computeIfAbsent(shape, this::compile);
        List<Error> errors = schema.validate(instance);
        return errors.stream().map(error -> shape + " " + error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    private Schema compile(String shape) {
        if (!defs.has(shape)) {
            throw new IllegalArgumentException(resource + " describes no " + shape);
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
        root.put("$ref", "#/$defs/" + shape);
        root.set("$defs", defs);
        return registry.getSchema(root);
    }

    private static ApiSchema load(String resource) {
        try (InputStream in = ApiSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing from the classpath");
            }
            return new ApiSchema(resource, JsonMapper.shared().readTree(in).path("$defs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

/**
 * A fake OpenAI-compatible server ({@link uz.suhbat.adapter.out.ai.fake.FakeOpenAi}) for tests
 * here and, through the adapters-ai test-jar, in other modules. It checks what it receives and
 * what it sends against OpenAI's published schemas (a subset kept in the test resources, {@code openai/openapi-subset.json}), so a
 * module that uses it needs test dependencies on {@code com.networknt:json-schema-validator}
 * and Jackson 3 ({@code tools.jackson.core:jackson-databind}) besides the test-jar.
 */
package uz.suhbat.adapter.out.ai.fake;

package uz.suhbat.adapter.out.ai.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake itself: that it speaks OpenAI's stream format and holds requests to OpenAI's schema. */
class FakeOpenAiTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final String VALID = """
            {"model": "gpt-4o-mini", "stream": true, "stream_options": {"include_usage": true},
             "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hello"}]}""";

    private FakeOpenAi fake;

    @BeforeEach
    void start() {
        fake = FakeOpenAi.start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @AfterAll
    static void closeClient() {
        http.close();
    }

    @Test
    void streamsChunksThatConformToTheSpec() throws Exception {
        // given
        fake.enqueue(Reply.pieces("Hel", "lo"));

        // when
        HttpResponse<String> response = post(VALID);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> data = response.body().lines().filter(line -> line.startsWith("data: "))
                .map(line -> line.substring("data: ".length())).toList();
        assertThat(data.getLast()).isEqualTo("[DONE]");
        List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(JsonMapper.shared()::readTree).toList();
        assertThat(chunks).allSatisfy(chunk ->
                assertThat(OpenAiSpec.get().violations(OpenAiSpec.CHUNK, chunk)).isEmpty());
        assertThat(chunks.get(0).at("/choices/0/delta/role").asString()).isEqualTo("assistant");
        assertThat(chunks.subList(1, 3)).extracting(chunk -> chunk.at("/choices/0/delta/content").asString())
                .containsExactly("Hel", "lo");
        assertThat(chunks.get(3).at("/choices/0/finish_reason").asString()).isEqualTo("stop");
        assertThat(chunks.get(4).path("choices").isEmpty()).isTrue();
        assertThat(chunks.get(4).at("/usage/completion_tokens").asInt()).isEqualTo(2);
        assertThat(chunks.get(4).at("/usage/prompt_tokens").asInt()).isEqualTo(4);
        assertThat(fake.violations()).isEmpty();
        assertThat(fake.requests()).singleElement().satisfies(request -> {
            assertThat(request.model()).isEqualTo("gpt-4o-mini");
            assertThat(request.lastUserMessage()).isEqualTo("Say hello");
            assertThat(request.header("content-type")).isEqualTo("application/json");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"model\": \"gpt-4o-mini\", \"stream\": true, \"messages\": [{\"role\": \"robot\", \"content\": \"hi\"}]}",
            "{\"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
            "{\"model\": \"gpt-4o-mini\", \"stream\": true, \"messages\": {\"role\": \"user\", \"content\": \"hi\"}}",
            "{\"model\": \"gpt-4o-mini\", \"stream\": \"yes\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
            "{\"model\": 4, \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": 4}]}",
            "[\"not an object\"]"})
    void refusesAndRecordsRequestsThatBreakTheSpec(String body) throws Exception {
        // given
        fake.enqueue(Reply.answer("never sent"));

        // when
        HttpResponse<String> response = post(body);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonMapper.shared().readTree(response.body()).at("/error/type").asString())
                .isEqualTo("invalid_request_error");
        assertThat(fake.violations()).isNotEmpty();
    }

    @Test
    void refusesWithAnOpenAiErrorAndRetryAfter() throws Exception {
        // given
        fake.enqueue(Reply.rateLimited(7));

        // when
        HttpResponse<String> response = post(VALID);

        // then
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(JsonMapper.shared().readTree(response.body()).at("/error/code").asString())
                .isEqualTo("rate_limit_exceeded");
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void answersFromTheRequestWhenNothingIsScripted() throws Exception {
        // given
        fake.answerAllWith(request -> "You said: " + request.lastUserMessage());

        // when
        HttpResponse<String> response = post(VALID);

        // then
        String answer = response.body().lines().filter(line -> line.startsWith("data: {"))
                .map(line -> JsonMapper.shared().readTree(line.substring(6)).at("/choices/0/delta/content").asString(""))
                .reduce("", String::concat);
        assertThat(answer).isEqualTo("You said: Say hello");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

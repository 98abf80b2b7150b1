package uz.suhbat.adapter.out.ai.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fakes speak the providers' protocols and check what they are sent, seen with a plain HTTP
 * client: a request the published shapes do not allow is refused and counted as a violation, so a
 * test whose client sends a wrong request fails.
 */
class FakeProvidersTest {

    private static final Pattern EVENT = Pattern.compile("event: (\\S+)\ndata: (.+)\n\n");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anthropicStreamsTheEventsOfItsMessagesApi() throws Exception {
        try (FakeAnthropic fake = FakeAnthropic.start()) {
            fake.enqueue(Reply.pieces("Sa", "lom"));

            HttpResponse<String> response = post(fake.baseUrl() + "/messages", """
                    {"model":"claude-haiku-4-5","max_tokens":100,"stream":true,"system":"Be brief.",
                     "messages":[{"role":"user","content":"Hi"}]}""", "x-api-key", "k", "anthropic-version", "2023-06-01");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            Matcher events = EVENT.matcher(response.body());
            List<String> names = new java.util.ArrayList<>();
            while (events.find()) {
                names.add(events.group(1));
                assertThat(JsonMapper.shared().readTree(events.group(2)).path("type").asString()).isEqualTo(events.group(1));
            }
            assertThat(names).containsExactly("message_start", "content_block_start", "ping", "content_block_delta",
                    "content_block_delta", "content_block_stop", "message_delta", "message_stop");
            assertThat(fake.violations()).isEmpty();
        }
    }

    @Test
    void anthropicRefusesARequestItsSchemaDoesNotAllow() throws Exception {
        try (FakeAnthropic fake = FakeAnthropic.start()) {
            fake.enqueue(Reply.pieces("never"));

            // no max_tokens, and a role the Messages API does not know
            HttpResponse<String> response = post(fake.baseUrl() + "/messages", """
                    {"model":"claude-haiku-4-5","stream":true,"messages":[{"role":"system","content":"Hi"}]}""",
                    "x-api-key", "k", "anthropic-version", "2023-06-01");

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode error = JsonMapper.shared().readTree(response.body());
            assertThat(error.path("type").asString()).isEqualTo("error");
            assertThat(error.path("error").path("type").asString()).isEqualTo("invalid_request_error");
            assertThat(fake.violations()).anySatisfy(v -> assertThat(v).contains("max_tokens"))
                    .anySatisfy(v -> assertThat(v).contains("/messages/0/role"));
        }
    }

    @Test
    void anthropicWantsItsHeaders() throws Exception {
        try (FakeAnthropic fake = FakeAnthropic.start()) {
            String body = """
                    {"model":"m","max_tokens":1,"stream":true,"messages":[{"role":"user","content":"Hi"}]}""";

            assertThat(post(fake.baseUrl() + "/messages", body, "anthropic-version", "2023-06-01").statusCode()).isEqualTo(401);
            assertThat(post(fake.baseUrl() + "/messages", body, "x-api-key", "k").statusCode()).isEqualTo(400);
            assertThat(fake.requests()).isEmpty();
        }
    }

    @Test
    void geminiStreamsGenerateContentChunks() throws Exception {
        try (FakeGemini fake = FakeGemini.start()) {
            fake.enqueue(Reply.pieces("Sa", "lom"));

            HttpResponse<String> response = post(fake.baseUrl() + "/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=k", """
                    {"contents":[{"role":"user","parts":[{"text":"Hi"}]}],"systemInstruction":{"parts":[{"text":"Be brief."}]}}""");

            assertThat(response.statusCode()).isEqualTo(200);
            List<JsonNode> chunks = response.body().lines().filter(line -> line.startsWith("data: "))
                    .map(line -> JsonMapper.shared().readTree(line.substring(6))).toList();
            assertThat(chunks).hasSize(2);
            assertThat(chunks.getFirst().path("candidates").get(0).path("content").path("parts").get(0).path("text").asString()).isEqualTo("Sa");
            assertThat(chunks.getFirst().path("candidates").get(0).has("finishReason")).isFalse();
            assertThat(chunks.getLast().path("candidates").get(0).path("finishReason").asString()).isEqualTo("STOP");
            assertThat(chunks.getLast().path("usageMetadata").path("candidatesTokenCount").asInt()).isEqualTo(2);
            assertThat(fake.violations()).isEmpty();
        }
    }

    @Test
    void geminiRefusesARequestItsSchemaDoesNotAllow() throws Exception {
        try (FakeGemini fake = FakeGemini.start()) {
            fake.enqueue(Reply.pieces("never"));

            // OpenAI's shape sent to Gemini
            HttpResponse<String> response = post(fake.baseUrl() + "/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
                    """
                    {"messages":[{"role":"user","content":"Hi"}]}""", "x-goog-api-key", "k");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JsonMapper.shared().readTree(response.body()).path("error").path("status").asString()).isEqualTo("INVALID_ARGUMENT");
            assertThat(fake.violations()).anySatisfy(v -> assertThat(v).contains("contents"));
        }
    }

    @Test
    void geminiWithoutAKeyIsDeniedAndWithAWrongOneIsAnInvalidArgument() throws Exception {
        try (FakeGemini fake = FakeGemini.start()) {
            fake.requireKey("right");
            String url = fake.baseUrl() + "/models";

            HttpResponse<String> none = get(url);
            HttpResponse<String> wrong = get(url + "?key=wrong");
            HttpResponse<String> right = get(url + "?key=right");

            assertThat(none.statusCode()).isEqualTo(403);
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("API_KEY_INVALID");
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(fake.violations()).isEmpty();
        }
    }

    private HttpResponse<String> post(String url, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), BodyHandlers.ofString());
    }
}

package uz.suhbat.adapter.out.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uz.suhbat.adapter.out.ai.fake.FakeAnthropic;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.Reply;

/** langchain4j's Anthropic client, through our adapter, against the fake Messages API. */
class AnthropicChatModelTest extends ProviderChatModelTest<FakeAnthropic, AnthropicChatModel> {

    @Override
    FakeAnthropic startFake() {
        return FakeAnthropic.start();
    }

    @Override
    AnthropicChatModel create(ProviderSettings settings) {
        return new AnthropicChatModel(settings);
    }

    @Override
    Reply refusedKey() {
        return FakeAnthropic.unauthorized();
    }

    @Override
    Reply rateLimited(int retryAfterSeconds) {
        return FakeAnthropic.rateLimited(retryAfterSeconds);
    }

    @Override
    Reply serverError() {
        return FakeAnthropic.overloaded();
    }

    @Override
    Reply conversationTooLong() {
        return FakeAnthropic.promptTooLong();
    }

    @Override
    Reply unknownModel() {
        return FakeAnthropic.unknownModel("claude-none");
    }

    @Override
    String overloadedInStream() {
        return "overloaded_error";
    }

    @Override
    List<String> sentTexts(RecordedRequest request) {
        return request.body().path("messages").valueStream().map(m -> text(m.path("content"))).toList();
    }

    @Test
    void sendsTheSystemTurnAsSystemAndTheRestAsMessagesWithTheKeyAndVersionHeaders() {
        fake.enqueue(Reply.answer("Six."));

        model.stream(PROMPT, sink);

        sink.awaitCompletion();
        RecordedRequest request = fake.requests().getFirst();
        assertThat(request.header("x-api-key")).isEqualTo(KEY);
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.header("Authorization")).isNull();
        JsonNode body = request.body();
        assertThat(body.path("model").asString()).isEqualTo("the-model");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(AnthropicChatModel.DEFAULT_MAX_OUTPUT_TOKENS);
        assertThat(systemText(body)).isEqualTo("You are Suhbat.");
        assertThat(body.path("messages").valueStream().map(m -> m.path("role").asString() + ":" + text(m.path("content"))).toList())
                .containsExactly("user:What is 2 + 2?", "assistant:4.", "user:And 3 + 3?");
    }

    @Test
    void theAnswerCapIsTheOneGiven() throws Exception {
        fake.enqueue(Reply.answer("Six."));
        try (AnthropicChatModel capped = new AnthropicChatModel(
                new ProviderSettings(fake.baseUrl(), KEY, TIMEOUT, 3, Duration.ofSeconds(2)), 1000)) {

            capped.stream(PROMPT, sink);

            sink.awaitCompletion();
            assertThat(fake.requests().getFirst().body().path("max_tokens").asInt()).isEqualTo(1000);
        }
    }

    @Test
    void followsTheModelListPageByPage() {
        List<String> many = IntStream.rangeClosed(1, 1001).mapToObj(i -> "claude-test-" + i).toList();
        fake.models(many.toArray(String[]::new));

        assertThat(model.modelIds()).containsExactlyElementsOf(many);
        assertThat(fake.modelListRequests()).hasSize(2);
        assertThat(fake.modelListRequests().get(1).path()).contains("after_id=claude-test-1000");
        assertThat(fake.modelListRequests().getFirst().header("x-api-key")).isEqualTo(KEY);
    }

    private static String systemText(JsonNode body) {
        return text(body.path("system"));
    }

    /** A string content, or the text blocks of an array content, joined. */
    private static String text(JsonNode content) {
        if (content.isString()) {
            return content.asString();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(block -> text.append(block.path("text").asString("")));
        return text.toString();
    }
}

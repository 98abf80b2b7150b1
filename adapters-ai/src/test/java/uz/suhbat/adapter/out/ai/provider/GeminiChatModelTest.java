package uz.suhbat.adapter.out.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uz.suhbat.adapter.out.ai.fake.FakeGemini;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.Reply;

/** langchain4j's Gemini client, through our adapter, against the fake Gemini API. */
class GeminiChatModelTest extends ProviderChatModelTest<FakeGemini, GeminiChatModel> {

    @Override
    FakeGemini startFake() {
        return FakeGemini.start();
    }

    @Override
    GeminiChatModel create(ProviderSettings settings) {
        return new GeminiChatModel(settings);
    }

    @Override
    Reply refusedKey() {
        return FakeGemini.keyNotValid();
    }

    @Override
    Reply rateLimited(int retryAfterSeconds) {
        return FakeGemini.rateLimited(retryAfterSeconds);
    }

    @Override
    Reply serverError() {
        return FakeGemini.unavailable();
    }

    @Override
    Reply conversationTooLong() {
        return FakeGemini.tooManyTokens();
    }

    @Override
    Reply unknownModel() {
        return FakeGemini.unknownModel("gemini-none");
    }

    @Override
    String overloadedInStream() {
        return "UNAVAILABLE";
    }

    @Override
    List<String> sentTexts(RecordedRequest request) {
        return request.body().path("contents").valueStream().map(GeminiChatModelTest::text).toList();
    }

    @Test
    void sendsTheSystemTurnAsSystemInstructionAndTheRestAsContentsWithTheKeyHeader() {
        fake.enqueue(Reply.answer("Six."));

        model.stream(PROMPT, sink);

        sink.awaitCompletion();
        RecordedRequest request = fake.requests().getFirst();
        assertThat(FakeGemini.modelOf(request)).isEqualTo("the-model");
        assertThat(request.header("x-goog-api-key")).isEqualTo(KEY);
        JsonNode body = request.body();
        assertThat(text(body.path("systemInstruction"))).isEqualTo("You are Suhbat.");
        assertThat(body.path("contents").valueStream().map(c -> c.path("role").asString() + ":" + text(c)).toList())
                .containsExactly("user:What is 2 + 2?", "model:4.", "user:And 3 + 3?");
    }

    @Test
    void aPermissionDeniedIsAnAuthenticationFailure() {
        fake.enqueue(FakeGemini.permissionDenied(), Reply.answer("never"));

        model.stream(PROMPT, sink);

        assertFailed(uz.suhbat.application.port.out.ai.ChatModelPort.FailureKind.AUTHENTICATION);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void listsOnlyModelsThatGenerateContent_followingEveryPage() {
        List<String> many = IntStream.rangeClosed(1, 120).mapToObj(i -> "gemini-test-" + i).toList();
        fake.models(many.toArray(String[]::new));

        assertThat(model.modelIds()).containsExactlyElementsOf(many).doesNotContain(FakeGemini.EMBEDDING_MODEL);
        assertThat(fake.modelListRequests()).hasSizeGreaterThan(1);
        assertThat(fake.modelListRequests().getFirst().header("x-goog-api-key")).isEqualTo(KEY);
    }

    private static String text(JsonNode content) {
        StringBuilder text = new StringBuilder();
        content.path("parts").forEach(part -> text.append(part.path("text").asString("")));
        return text.toString();
    }
}

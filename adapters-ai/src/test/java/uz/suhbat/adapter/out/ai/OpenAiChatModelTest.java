package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest.Message;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.application.port.out.ai.ChatModelPort.Failure;
import uz.suhbat.application.port.out.ai.ChatModelPort.FailureKind;
import uz.suhbat.application.port.out.ai.ChatModelPort.Prompt;
import uz.suhbat.application.port.out.ai.ChatModelPort.Streaming;
import uz.suhbat.application.port.out.ai.ChatModelPort.TokenUsage;
import uz.suhbat.application.port.out.ai.ChatModelPort.Turn;
import uz.suhbat.domain.chat.Role;

/** langchain4j's real OpenAI client, through our adapter, against the fake server over HTTP. */
class OpenAiChatModelTest {

    private static final String KEY = "sk-suhbat-test-5eCr3tK3y-0123456789";
    /** Generous: a cold JVM on a busy 2-core machine may take a second over its first request. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** For the test of a silent upstream only. */
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);
    private static final Prompt PROMPT = new Prompt("gpt-4o-mini", List.of(
            new Turn(Role.SYSTEM, "You are Suhbat."),
            new Turn(Role.USER, "What is 2 + 2?"),
            new Turn(Role.ASSISTANT, "4."),
            new Turn(Role.USER, "And 3 + 3?")));

    private final FakeOpenAi fake = FakeOpenAi.start();
    private final OpenAiChatModel model =
            new OpenAiChatModel(new OpenAiSettings(fake.baseUrl(), KEY, TIMEOUT, 3, Duration.ofSeconds(2)));
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void stop() {
        model.close();
        fake.close();
        assertThat(fake.violations()).as("requests and chunks against OpenAI's schemas").isEmpty();
    }

    @Test
    void streamsThePiecesInOrderAndCompletesWithTokenUsage() {
        // given
        fake.enqueue(Reply.answer("Three plus three is six.", 3, Duration.ofMillis(20)));

        // when
        model.stream(PROMPT, sink);

        // then
        TokenUsage usage = sink.awaitCompletion();
        assertThat(sink.deltas()).containsExactly("Three pl", "us three", " is six.");
        assertThat(sink.events()).last().isEqualTo("completed");
        assertThat(usage).isEqualTo(new TokenUsage(13, 3));
        RecordedRequest request = fake.requests().getFirst();
        assertThat(request.model()).isEqualTo("gpt-4o-mini");
        assertThat(request.streamed()).isTrue();
        assertThat(request.includesUsage()).isTrue();
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.messages()).containsExactly(
                new Message("system", "You are Suhbat."),
                new Message("user", "What is 2 + 2?"),
                new Message("assistant", "4."),
                new Message("user", "And 3 + 3?"));
    }

    @Test
    void sendsAQuestionsPicturesAsImageUrlPartsWithDataUrlsValidAgainstTheSpec() {
        // given
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
        fake.enqueue(Reply.answer("A cat."));
        Prompt prompt = new Prompt("gpt-4o", List.of(
                new Turn(Role.USER, "Hello"),
                new Turn(Role.ASSISTANT, "Hi."),
                new Turn(Role.USER, "What is on this photo?", List.of(new uz.suhbat.application.port.out.ai.ChatModelPort.Image("image/png", png)))));

        // when
        model.stream(prompt, sink);

        // then
        sink.awaitCompletion();
        List<Message> sent = fake.requests().getFirst().messages();
        assertThat(sent.get(0)).isEqualTo(new Message("user", "Hello"));
        assertThat(sent.get(2).content()).isEqualTo("What is on this photo?");
        assertThat(sent.get(2).imageUrls()).containsExactly("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png));
        assertThat(fake.requests().getFirst().body().path("messages").get(2).path("content").isArray()).isTrue();
    }

    @Test
    void aPlainHttpUpstreamIsAskedInHttp11WithoutAnUpgradeToHttp2() {
        // given: the fake, like a local Ollama or vLLM, speaks plain HTTP/1.1
        fake.enqueue(Reply.answer("Six.", 1, Duration.ZERO), Reply.answer("Six.", 1, Duration.ZERO));

        // when
        model.stream(PROMPT, sink);
        sink.awaitCompletion();
        RecordingSink second = new RecordingSink();
        model.stream(PROMPT, second);
        second.awaitCompletion();

        // then: no request carried the h2c upgrade (the JDK client's default, HTTP/2, adds it to every plain request)
        assertThat(fake.requests()).hasSize(2).allSatisfy(request -> {
            assertThat(request.header("Upgrade")).isNull();
            assertThat(request.header("HTTP2-Settings")).isNull();
        });
    }

    @Test
    void readsTheStreamOnVirtualThreadsSoNoOpenAnswerHoldsAPlatformThread() {
        // given
        fake.enqueue(Reply.answer("Three plus three is six.", 3, Duration.ZERO));

        // when
        model.stream(PROMPT, sink);

        // then
        sink.awaitCompletion();
        assertThat(sink.deltaThreads()).hasSize(3).allMatch(Thread::isVirtual);
    }

    @Test
    void waitsAsLongAsRetryAfterAsksThenAnswers() {
        // given
        fake.enqueue(Reply.rateLimited(1), Reply.answer("Six."));
        long started = System.nanoTime();

        // when
        model.stream(PROMPT, sink);

        // then
        sink.awaitCompletion();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(sink.deltas()).containsExactly("Six.");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void retriesServerErrorsUntilOneAttemptSucceeds() {
        // given
        fake.enqueue(Reply.serverError(), Reply.serverError(), Reply.answer("Six."));

        // when
        model.stream(PROMPT, sink);

        // then
        sink.awaitCompletion();
        assertThat(sink.deltas()).containsExactly("Six.");
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void givesUpAsUnavailableAfterTheLastAttempt() {
        // given
        fake.enqueue(Reply.serverError(), Reply.serverError(), Reply.serverError(), Reply.answer("too late"));

        // when
        model.stream(PROMPT, sink);

        // then
        assertFailed(FailureKind.UNAVAILABLE);
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void refusedKeyIsAnAuthenticationFailureWithoutRetryOrKey() {
        // given
        fake.enqueue(Reply.unauthorized(KEY), Reply.answer("never"));

        // when
        model.stream(PROMPT, sink);

        // then
        Failure failure = assertFailed(FailureKind.AUTHENTICATION);
        assertThat(failure.detail()).contains("401").doesNotContain("0123456789").doesNotContain("5eCr3t");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void tooLongConversationIsReportedWithoutRetry() {
        // given
        fake.enqueue(Reply.contextLengthExceeded(), Reply.answer("never"));

        // when
        model.stream(PROMPT, sink);

        // then
        assertFailed(FailureKind.CONTEXT_TOO_LONG);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void otherRefusalsAreBadRequestsWithoutRetry() {
        // given
        fake.enqueue(Reply.error(404, "invalid_request_error", "model_not_found", "The model does not exist."),
                Reply.answer("never"));

        // when
        model.stream(PROMPT, sink);

        // then
        assertFailed(FailureKind.BAD_REQUEST);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void streamThatBreaksAfterSomePiecesIsInterruptedAndNotRetried() throws InterruptedException {
        // given
        Reply.Drop drop = Reply.dropAfter("Three ", "plus ");
        fake.enqueue(drop, Reply.answer("never"));
        model.stream(PROMPT, sink);
        sink.awaitDeltas(2);

        // when
        drop.cut();

        // then
        assertFailed(FailureKind.INTERRUPTED);
        assertThat(sink.events()).containsExactly("delta:Three ", "delta:plus ", "failed:INTERRUPTED");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void silentUpstreamTimesOut() {
        // given
        fake.enqueue(Reply.silence(Duration.ofSeconds(30)));
        long started = System.nanoTime();
        OpenAiChatModel impatient = new OpenAiChatModel(new OpenAiSettings(fake.baseUrl(), KEY, SHORT_TIMEOUT, 3, Duration.ofSeconds(2)));

        // when
        impatient.stream(PROMPT, sink);

        // then
        assertFailed(FailureKind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("well before the upstream's 30 s").isLessThan(Duration.ofSeconds(10));
        assertThat(fake.requests()).hasSize(1);
        impatient.close();
    }

    @Test
    void cancelStopsTheSinkAndAbortsTheUpstream() throws Exception {
        // given
        fake.enqueue(Reply.answer("one two three four five six seven eight", 8, Duration.ofMillis(100)));
        Streaming streaming = model.stream(PROMPT, sink);
        sink.awaitFirstDelta();

        // when
        streaming.cancel();

        // then
        List<String> atCancel = sink.events();
        awaitAbandoned();
        assertThat(sink.events()).isEqualTo(atCancel).doesNotContain("completed");
    }

    @Test
    void withoutKeyNothingIsSent() {
        // given
        OpenAiChatModel unconfigured =
                new OpenAiChatModel(new OpenAiSettings(fake.baseUrl(), " ", TIMEOUT, 3, Duration.ofSeconds(2)));

        // when
        unconfigured.stream(PROMPT, sink);

        // then
        assertThat(unconfigured.configured()).isFalse();
        assertFailed(FailureKind.NOT_CONFIGURED);
        assertThat(fake.requests()).isEmpty();
        unconfigured.close();
    }

    @Test
    void settingsDoNotShowTheKey() {
        assertThat(new OpenAiSettings(fake.baseUrl(), KEY, TIMEOUT, 3, Duration.ZERO).toString()).doesNotContain(KEY);
        assertThat(model.configured()).isTrue();
    }

    private Failure assertFailed(FailureKind kind) {
        Failure failure = sink.awaitFailure();
        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.detail()).doesNotContain(KEY);
        assertThat(sink.events()).last().isEqualTo("failed:" + kind);
        return failure;
    }

    /** The fake notices the closed connection at its next write, a piece (100 ms) later. */
    private void awaitAbandoned() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fake.abandonedStreams() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.sleep(10);
        }
        assertThat(fake.abandonedStreams()).as("streams the client aborted").isEqualTo(1);
    }
}

package uz.suhbat.adapter.out.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.RecordingSink;
import uz.suhbat.adapter.out.ai.fake.ProviderFake;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.adapter.out.ai.fake.StreamReply;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.ai.ChatModelPort.Failure;
import uz.suhbat.application.port.out.ai.ChatModelPort.FailureKind;
import uz.suhbat.application.port.out.ai.ChatModelPort.Prompt;
import uz.suhbat.application.port.out.ai.ChatModelPort.Streaming;
import uz.suhbat.application.port.out.ai.ChatModelPort.TokenUsage;
import uz.suhbat.application.port.out.ai.ChatModelPort.Turn;
import uz.suhbat.domain.chat.Role;

/**
 * What both providers must do, each with langchain4j's real client for it, through our adapter,
 * against its fake over HTTP: the same behaviour as the OpenAI adapter (OpenAiChatModelTest).
 */
abstract class ProviderChatModelTest<F extends ProviderFake, M extends ChatModelPort & ModelCatalog & AutoCloseable> {

    static final String KEY = "sk-suhbat-provider-5eCr3tK3y-0123456789";
    /** Generous: a cold JVM on a busy 2-core machine may take a second over its first request. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);
    static final Prompt PROMPT = new Prompt("the-model", List.of(
            new Turn(Role.SYSTEM, "You are Suhbat."),
            new Turn(Role.USER, "What is 2 + 2?"),
            new Turn(Role.ASSISTANT, "4."),
            new Turn(Role.USER, "And 3 + 3?")));

    final F fake = startFake();
    final M model = create(new ProviderSettings(fake.baseUrl(), KEY, TIMEOUT, 3, Duration.ofSeconds(2)));
    final RecordingSink sink = new RecordingSink();

    abstract F startFake();

    abstract M create(ProviderSettings settings);

    abstract Reply refusedKey();

    abstract Reply rateLimited(int retryAfterSeconds);

    abstract Reply serverError();

    abstract Reply conversationTooLong();

    abstract Reply unknownModel();

    /** The texts of the conversation's messages as the request carries them (not the system prompt). */
    abstract List<String> sentTexts(uz.suhbat.adapter.out.ai.fake.RecordedRequest request);

    /** The provider's error type (Anthropic) or status (Gemini) for a busy service, sent inside a stream. */
    abstract String overloadedInStream();

    @AfterEach
    void stop() throws Exception {
        model.close();
        fake.close();
        assertThat(fake.violations()).as("requests and answers against the provider's schema").isEmpty();
    }

    @Test
    void streamsThePiecesInOrderAndCompletesWithTokenUsage() {
        fake.enqueue(Reply.answer("Three plus three is six.", 3, Duration.ofMillis(20)));

        model.stream(PROMPT, sink);

        TokenUsage usage = sink.awaitCompletion();
        assertThat(sink.deltas()).containsExactly("Three pl", "us three", " is six.");
        assertThat(sink.events()).last().isEqualTo("completed");
        // the fake counts the words of the system prompt and the messages: 3 + 5 + 1 + 4
        assertThat(usage).isEqualTo(new TokenUsage(13, 3));
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void leavesOutTurnsWithoutText_whichTheProviderWouldRefuse() {
        fake.enqueue(Reply.answer("Six."));
        Prompt withACutAnswer = new Prompt("the-model", List.of(
                new Turn(Role.USER, "What is 2 + 2?"),
                new Turn(Role.ASSISTANT, " "),
                new Turn(Role.USER, "And 3 + 3?")));

        model.stream(withACutAnswer, sink);

        sink.awaitCompletion();
        assertThat(sentTexts(fake.requests().getFirst())).containsExactly("What is 2 + 2?", "And 3 + 3?");
    }

    @Test
    void readsTheStreamOnVirtualThreads() {
        fake.enqueue(Reply.answer("Three plus three is six.", 3, Duration.ZERO));

        model.stream(PROMPT, sink);

        sink.awaitCompletion();
        assertThat(sink.deltaThreads()).hasSize(3).allMatch(Thread::isVirtual);
    }

    @Test
    void waitsAsLongAsRetryAfterAsksThenAnswers() {
        fake.enqueue(rateLimited(1), Reply.answer("Six."));
        long started = System.nanoTime();

        model.stream(PROMPT, sink);

        sink.awaitCompletion();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(sink.deltas()).containsExactly("Six.");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void retriesServerErrorsUntilOneAttemptSucceeds() {
        fake.enqueue(serverError(), serverError(), Reply.answer("Six."));

        model.stream(PROMPT, sink);

        sink.awaitCompletion();
        assertThat(sink.deltas()).containsExactly("Six.");
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void givesUpAsUnavailableAfterTheLastAttempt() {
        fake.enqueue(serverError(), serverError(), serverError(), Reply.answer("too late"));

        model.stream(PROMPT, sink);

        assertFailed(FailureKind.UNAVAILABLE);
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void rateLimitedAfterTheLastAttempt() {
        fake.enqueue(rateLimited(0), rateLimited(0), rateLimited(0), Reply.answer("too late"));

        model.stream(PROMPT, sink);

        assertFailed(FailureKind.RATE_LIMITED);
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void refusedKeyIsAnAuthenticationFailureWithoutRetryOrKey() {
        fake.enqueue(refusedKey(), Reply.answer("never"));

        model.stream(PROMPT, sink);

        Failure failure = assertFailed(FailureKind.AUTHENTICATION);
        assertThat(failure.detail()).contains("HTTP 40").doesNotContain("0123456789").doesNotContain("5eCr3t");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void aWrongKeyIsRefusedByTheFakeItselfAsAnAuthenticationFailure() {
        fake.requireKey("sk-the-right-one");

        model.stream(PROMPT, sink);

        assertFailed(FailureKind.AUTHENTICATION);
    }

    @Test
    void tooLongConversationIsReportedWithoutRetry() {
        fake.enqueue(conversationTooLong(), Reply.answer("never"));

        model.stream(PROMPT, sink);

        assertFailed(FailureKind.CONTEXT_TOO_LONG);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void otherRefusalsAreBadRequestsWithoutRetry() {
        fake.enqueue(unknownModel(), Reply.answer("never"));

        model.stream(PROMPT, sink);

        assertFailed(FailureKind.BAD_REQUEST);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void streamThatBreaksAfterSomePiecesIsInterruptedAndNotRetried() throws InterruptedException {
        Reply.Drop drop = Reply.dropAfter("Three ", "plus ");
        fake.enqueue(drop, Reply.answer("never"));
        model.stream(PROMPT, sink);
        sink.awaitDeltas(2);

        drop.cut();

        assertFailed(FailureKind.INTERRUPTED);
        assertThat(sink.events()).containsExactly("delta:Three ", "delta:plus ", "failed:INTERRUPTED");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void streamThatClosesBeforeItsEndAfterSomePiecesIsInterrupted() {
        fake.enqueue(StreamReply.endsEarly("Three ", "plus "));
        fake.enqueue(Reply.answer("never"));

        model.stream(PROMPT, sink);

        assertFailed(FailureKind.INTERRUPTED);
        assertThat(sink.events()).containsExactly("delta:Three ", "delta:plus ", "failed:INTERRUPTED");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void streamThatClosesBeforeItsEndWithoutAPieceIsRetried() {
        fake.enqueue(StreamReply.endsEarly());
        fake.enqueue(Reply.answer("Six."));

        model.stream(PROMPT, sink);

        sink.awaitCompletion();
        assertThat(sink.events()).containsExactly("delta:Six.", "completed");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void anOverloadedErrorInsideTheStreamBeforeAnyPieceIsRetried() {
        fake.enqueue(StreamReply.errorInStream(overloadedInStream(), "Overloaded"));
        fake.enqueue(Reply.answer("Six."));

        model.stream(PROMPT, sink);

        sink.awaitCompletion();
        assertThat(sink.events()).containsExactly("delta:Six.", "completed");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void anErrorInsideTheStreamAfterAPieceInterruptsTheAnswer() {
        fake.enqueue(StreamReply.errorInStream(overloadedInStream(), "Overloaded", "Three "));
        fake.enqueue(Reply.answer("never"));

        model.stream(PROMPT, sink);

        assertFailed(FailureKind.INTERRUPTED);
        assertThat(sink.events()).containsExactly("delta:Three ", "failed:INTERRUPTED");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void silentUpstreamTimesOut() throws Exception {
        fake.enqueue(Reply.silence(Duration.ofSeconds(30)));
        long started = System.nanoTime();
        try (M impatient = create(new ProviderSettings(fake.baseUrl(), KEY, SHORT_TIMEOUT, 3, Duration.ofSeconds(2)))) {

            impatient.stream(PROMPT, sink);

            assertFailed(FailureKind.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("well before the upstream's 30 s").isLessThan(Duration.ofSeconds(10));
            assertThat(fake.requests()).hasSize(1);
        }
    }

    @Test
    void cancelStopsTheSinkAndAbortsTheUpstream() throws Exception {
        fake.enqueue(Reply.answer("one two three four five six seven eight", 8, Duration.ofMillis(100)));
        Streaming streaming = model.stream(PROMPT, sink);
        sink.awaitFirstDelta();

        streaming.cancel();

        List<String> atCancel = sink.events();
        awaitAbandoned();
        assertThat(sink.events()).isEqualTo(atCancel).doesNotContain("completed");
    }

    @Test
    void withoutKeyNothingIsSent() throws Exception {
        try (M unconfigured = create(new ProviderSettings(fake.baseUrl(), " ", TIMEOUT, 3, Duration.ofSeconds(2)))) {

            unconfigured.stream(PROMPT, sink);

            assertThat(unconfigured.configured()).isFalse();
            assertFailed(FailureKind.NOT_CONFIGURED);
            assertThatThrownBy(unconfigured::modelIds).isInstanceOfSatisfying(ModelCatalogException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_CONFIGURED));
            assertThat(fake.requests()).isEmpty();
            assertThat(fake.modelListRequests()).isEmpty();
        }
    }

    @Test
    void listsTheConnectionsChatModels() {
        assertThat(model.modelIds()).containsExactlyElementsOf(fake.models());
    }

    @Test
    void aModelListWithAWrongKeyFailsAsAuthenticationWithoutTheKey() {
        fake.requireKey("sk-the-right-one");

        assertThatThrownBy(model::modelIds).isInstanceOfSatisfying(ModelCatalogException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION);
            assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("the-right-one");
        });
    }

    @Test
    void aModelListFromNowhereFailsAsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String nowhere = fake.baseUrl().replaceFirst(":\\d+/", ":" + closedPort + "/");
        try (M unreachable = create(new ProviderSettings(nowhere, KEY, TIMEOUT, 3, Duration.ofSeconds(2)))) {
            assertThatThrownBy(unreachable::modelIds).isInstanceOfSatisfying(ModelCatalogException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE));
        }
    }

    @Test
    void settingsDoNotShowTheKey() {
        assertThat(new ProviderSettings(fake.baseUrl(), KEY, TIMEOUT, 3, Duration.ZERO).toString()).doesNotContain(KEY);
        assertThat(model.configured()).isTrue();
    }

    Failure assertFailed(FailureKind kind) {
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
            Thread.sleep(10);
        }
        assertThat(fake.abandonedStreams()).as("streams the client aborted").isEqualTo(1);
    }
}

package uz.suhbat.adapter.out.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.fake.ProviderFake;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.ai.ChatModelPortContract;
import uz.suhbat.domain.chat.Role;

/**
 * The port's threading and ordering contract, held by a provider adapter against its fake; a subclass names the
 * adapter, its fake and the fake's refusal of a key.
 */
abstract class ProviderContractTest<M extends ChatModelPort & AutoCloseable> extends ChatModelPortContract {

    private final ProviderFake fake = startFake();
    private final M model = model(new ProviderSettings(fake.baseUrl(), "test-contract-key", Duration.ofSeconds(10), 3,
            Duration.ofSeconds(2)));

    protected abstract ProviderFake startFake();

    protected abstract M model(ProviderSettings settings);

    protected abstract Reply keyRefused();

    @AfterEach
    void stop() throws Exception {
        model.close();
        fake.close();
        assertThat(fake.violations()).as("requests and answers against the provider's schema").isEmpty();
    }

    @Override
    protected ChatModelPort model() {
        return model;
    }

    @Override
    protected void nextAnswers(String... pieces) {
        fake.enqueue(Reply.pieces(pieces));
    }

    @Override
    protected void nextRefusesTheKey() {
        fake.enqueue(keyRefused());
    }

    @Override
    protected Runnable nextWaitsAfterTheFirstPiece(String... pieces) {
        Reply.Gated gated = Reply.gated(pieces);
        fake.enqueue(gated);
        return () -> gated.next(pieces.length);
    }

    /** A 1×1 PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    /** The first bytes of a JPEG, enough for its signature. */
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

    @Test
    void aQuestionsPicturesReachTheProviderAsItsImageParts_withTheText() throws Exception {
        nextAnswers("A ", "square.");
        ContractSink sink = new ContractSink();
        ChatModelPort.Prompt prompt = new ChatModelPort.Prompt("vision-model", List.of(
                new ChatModelPort.Turn(Role.USER, "Earlier question"), new ChatModelPort.Turn(Role.ASSISTANT, "Earlier answer"),
                new ChatModelPort.Turn(Role.USER, "What is on these?", List.of(new ChatModelPort.Image("image/png", PNG),
                        new ChatModelPort.Image("image/jpeg", JPEG)))));

        model.stream(prompt, sink);

        assertThat(sink.ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.events).containsExactly("delta:A ", "delta:square.", "completed");
        var sent = fake.requests().getLast();
        assertThat(fake.images(sent)).extracting(ProviderFake.SentImage::mediaType).containsExactly("image/png", "image/jpeg");
        assertThat(fake.images(sent).get(0).content()).isEqualTo(PNG);
        assertThat(fake.images(sent).get(1).content()).isEqualTo(JPEG);
        assertThat(sent.body().toString()).contains("What is on these?").contains("Earlier question");
    }
}

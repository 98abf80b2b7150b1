package uz.suhbat.adapter.out.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import uz.suhbat.adapter.out.ai.fake.FakeGemini;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.ai.ChatModelPortContract;

/** The port's threading and ordering contract, held by the Gemini adapter against its fake. */
class GeminiChatModelContractTest extends ChatModelPortContract {

    private final FakeGemini fake = FakeGemini.start();
    private final GeminiChatModel model = new GeminiChatModel(
            new ProviderSettings(fake.baseUrl(), "test-contract-key", Duration.ofSeconds(10), 3, Duration.ofSeconds(2)));

    @AfterEach
    void stop() {
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
        fake.enqueue(FakeGemini.keyNotValid());
    }

    @Override
    protected Runnable nextWaitsAfterTheFirstPiece(String... pieces) {
        Reply.Gated gated = Reply.gated(pieces);
        fake.enqueue(gated);
        return () -> gated.next(pieces.length);
    }
}

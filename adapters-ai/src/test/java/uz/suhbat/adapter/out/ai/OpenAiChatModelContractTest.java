package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.ai.ChatModelPortContract;

/** The port's threading and ordering contract, held by the OpenAI adapter against the fake upstream. */
class OpenAiChatModelContractTest extends ChatModelPortContract {

    private static final String KEY = "sk-test-contract-0000";

    private final FakeOpenAi fake = FakeOpenAi.start();
    private final OpenAiChatModel model = new OpenAiChatModel(new OpenAiSettings(fake.baseUrl(), KEY, Duration.ofSeconds(10), 3,
            Duration.ofSeconds(2)));

    @AfterEach
    void stop() {
        model.close();
        fake.close();
        assertThat(fake.violations()).as("requests and chunks against OpenAI's schemas").isEmpty();
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
        fake.enqueue(Reply.unauthorized(KEY));
    }

    @Override
    protected Runnable nextWaitsAfterTheFirstPiece(String... pieces) {
        Reply.Gated gated = Reply.gated(pieces);
        fake.enqueue(gated);
        return () -> gated.next(pieces.length);
    }
}

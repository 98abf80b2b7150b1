package uz.suhbat.adapter.out.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import uz.suhbat.adapter.out.ai.fake.ProviderFake;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.ai.ChatModelPortContract;

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
}

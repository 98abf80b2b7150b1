package uz.suhbat.adapter.out.ai.provider;

import uz.suhbat.adapter.out.ai.fake.FakeAnthropic;
import uz.suhbat.adapter.out.ai.fake.ProviderFake;
import uz.suhbat.adapter.out.ai.fake.Reply;

/** The port's threading and ordering contract, held by the Anthropic adapter against its fake. */
class AnthropicChatModelContractTest extends ProviderContractTest<AnthropicChatModel> {

    @Override
    protected ProviderFake startFake() {
        return FakeAnthropic.start();
    }

    @Override
    protected AnthropicChatModel model(ProviderSettings settings) {
        return new AnthropicChatModel(settings);
    }

    @Override
    protected Reply keyRefused() {
        return FakeAnthropic.unauthorized();
    }
}

package uz.suhbat.adapter.out.ai.provider;

import uz.suhbat.adapter.out.ai.fake.FakeGemini;
import uz.suhbat.adapter.out.ai.fake.ProviderFake;
import uz.suhbat.adapter.out.ai.fake.Reply;

/** The port's threading and ordering contract, held by the Gemini adapter against its fake. */
class GeminiChatModelContractTest extends ProviderContractTest<GeminiChatModel> {

    @Override
    protected ProviderFake startFake() {
        return FakeGemini.start();
    }

    @Override
    protected GeminiChatModel model(ProviderSettings settings) {
        return new GeminiChatModel(settings);
    }

    @Override
    protected Reply keyRefused() {
        return FakeGemini.keyNotValid();
    }
}

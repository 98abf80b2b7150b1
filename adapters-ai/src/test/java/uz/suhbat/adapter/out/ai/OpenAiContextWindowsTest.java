package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.ai.ContextWindowPort;
import uz.suhbat.application.port.out.ai.ContextWindowPortContract;

class OpenAiContextWindowsTest extends ContextWindowPortContract {

    @Override
    protected ContextWindowPort windows() {
        return new OpenAiContextWindows();
    }

    @Override
    protected String knownModel() {
        return "gpt-4o-mini";
    }

    @Test
    void openAisFamiliesHaveTheirDocumentedWindows() {
        OpenAiContextWindows windows = new OpenAiContextWindows();
        assertThat(windows.tokensOf("gpt-4.1-mini")).isEqualTo(1_000_000);
        assertThat(windows.tokensOf("GPT-5")).isEqualTo(400_000);
        assertThat(windows.tokensOf("o3-mini")).isEqualTo(200_000);
        assertThat(windows.tokensOf("gpt-3.5-turbo")).isEqualTo(16_385);
        assertThat(windows.tokensOf("gpt-4")).isEqualTo(8_192);
        assertThat(windows.tokensOf("gpt-4o")).isEqualTo(128_000);
    }
}

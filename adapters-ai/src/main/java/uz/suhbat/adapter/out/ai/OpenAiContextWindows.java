package uz.suhbat.adapter.out.ai;

import java.util.Locale;
import uz.suhbat.application.port.out.ai.ContextWindowPort;

/** OpenAI's context windows by model family, as OpenAI documents them. */
final class OpenAiContextWindows implements ContextWindowPort {

    @Override
    public int tokensOf(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.startsWith("gpt-4.1")) {
            return 1_000_000;
        }
        if (m.startsWith("gpt-5")) {
            return 400_000;
        }
        if (m.startsWith("o1") || m.startsWith("o3") || m.startsWith("o4")) {
            return 200_000;
        }
        if (m.startsWith("gpt-3.5")) {
            return 16_385;
        }
        if (m.equals("gpt-4") || m.startsWith("gpt-4-0")) {
            return 8_192;
        }
        return 128_000; // gpt-4o, gpt-4-turbo and unknown OpenAI-compatible models
    }
}

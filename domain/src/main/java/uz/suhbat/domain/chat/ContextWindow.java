package uz.suhbat.domain.chat;

import java.util.List;
import java.util.Locale;

/**
 * Whether a whole conversation still fits a model's context window. Sizes are estimated, not
 * counted with the model's tokenizer: about 3 characters a token (Uzbek and Cyrillic text take more
 * tokens than English), plus a few tokens per message, leaving room for the answer.
 */
public final class ContextWindow {

    private static final int ANSWER_RESERVE = 4_096;
    private static final int PER_MESSAGE = 4;

    private ContextWindow() {
    }

    public static int tokensOf(String model) {
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

    public static int estimateTokens(List<String> contents) {
        long total = 0;
        for (String content : contents) {
            total += content.length() / 3 + PER_MESSAGE;
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    public static boolean fits(String model, List<String> contents) {
        return estimateTokens(contents) + ANSWER_RESERVE <= tokensOf(model);
    }
}

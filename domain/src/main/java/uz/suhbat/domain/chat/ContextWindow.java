package uz.suhbat.domain.chat;

import java.util.List;

/**
 * Whether a whole conversation still fits a model's context window of a given size. Sizes are
 * estimated, not counted with the model's tokenizer: about 3 characters a token (Uzbek and Cyrillic
 * text take more tokens than English), plus a few tokens per message, leaving room for the answer.
 */
public final class ContextWindow {

    private static final int ANSWER_RESERVE = 4_096;
    private static final int PER_MESSAGE = 4;

    private ContextWindow() {
    }

    public static int estimateTokens(List<String> contents) {
        long total = 0;
        for (String content : contents) {
            total += content.length() / 3 + PER_MESSAGE;
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    public static boolean fits(int windowTokens, List<String> contents) {
        return (long) estimateTokens(contents) + ANSWER_RESERVE <= windowTokens;
    }
}

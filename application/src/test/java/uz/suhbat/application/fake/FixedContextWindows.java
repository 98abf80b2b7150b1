package uz.suhbat.application.fake;

import uz.suhbat.application.port.out.ai.ContextWindowPort;

/** Every model with the same context window (128k tokens: what most OpenAI chat models hold). */
public final class FixedContextWindows implements ContextWindowPort {

    private final int tokens;

    public FixedContextWindows(int tokens) {
        this.tokens = tokens;
    }

    @Override
    public int tokensOf(String model) {
        return tokens;
    }
}

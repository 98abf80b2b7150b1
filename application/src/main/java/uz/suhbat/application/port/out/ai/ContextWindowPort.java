package uz.suhbat.application.port.out.ai;

/** How many tokens a model's context window holds: the vendor's number, known to the adapter that talks to it. */
public interface ContextWindowPort {

    /** The window of {@code model} in tokens; an unknown model gets the adapter's usual window. Always positive. */
    int tokensOf(String model);
}

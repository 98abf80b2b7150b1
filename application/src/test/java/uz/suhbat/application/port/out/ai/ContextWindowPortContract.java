package uz.suhbat.application.port.out.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every {@link ContextWindowPort} must do: a positive window for every model, known or not. */
public abstract class ContextWindowPortContract {

    protected abstract ContextWindowPort windows();

    /** A model the implementation knows. */
    protected abstract String knownModel();

    @Test
    void everyModelHasAPositiveWindow_evenOneNobodyHeardOf() {
        assertThat(windows().tokensOf(knownModel())).isPositive();
        assertThat(windows().tokensOf("some-model-from-2031")).isPositive();
        assertThat(windows().tokensOf("")).isPositive();
    }

    @Test
    void theAnswerForAModelDoesNotChange() {
        assertThat(windows().tokensOf(knownModel())).isEqualTo(windows().tokensOf(knownModel()));
    }
}

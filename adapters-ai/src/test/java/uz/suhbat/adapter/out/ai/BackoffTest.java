package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(20));

    @RepeatedTest(20)
    void growsExponentiallyWithJitter() {
        assertThat(backoff.before(2, Optional.empty())).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
        assertThat(backoff.before(3, Optional.empty())).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(backoff.before(12, Optional.empty())).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    @Test
    void honoursRetryAfterUpToTheCap() {
        assertThat(backoff.before(2, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.before(2, Optional.of(Duration.ofMinutes(5)))).isEqualTo(Duration.ofSeconds(20));
    }
}

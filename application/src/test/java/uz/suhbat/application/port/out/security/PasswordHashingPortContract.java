package uz.suhbat.application.port.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every {@link PasswordHashingPort} must do. */
public abstract class PasswordHashingPortContract {

    protected abstract PasswordHashingPort hashing();

    @Test
    void aHashMatchesItsPasswordAndNoOther() {
        String hash = hashing().hash("toʻgʻri parol 🔑");

        assertThat(hash).doesNotContain("toʻgʻri parol");
        assertThat(hashing().matches("toʻgʻri parol 🔑", hash)).isTrue();
        assertThat(hashing().matches("toʻgʻri parol", hash)).isFalse();
    }

    @Test
    void aLongPasswordCountsWhole() {
        String base = "x".repeat(100);
        assertThat(hashing().matches(base + "a", hashing().hash(base + "b"))).isFalse();
    }

    @Test
    void noHashOrAnUnknownFormatMatchesNothing() {
        assertThat(hashing().matches("parol", null)).isFalse();
        assertThat(hashing().matches("parol", "not a hash")).isFalse();
    }
}

package uz.suhbat.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.security.SecretBoxPort;
import uz.suhbat.application.port.out.security.SecretBoxPort.UnreadableSecretException;

class AesGcmSecretBoxTest {

    private static final String SECRET_KEY = "one SECRET_KEY for every node, 32+ chars";
    private static final String API_KEY = "sk-ant-api03-very-secret-0123456789";

    private final SecretBoxPort box = CryptoConfiguration.secretBox(SECRET_KEY);

    @Test
    void aSealedKeyOpensAgainUnderTheSameSecretKey_andHoldsNothingOfItInClear() {
        String sealed = box.seal(API_KEY);

        assertThat(sealed).startsWith("v1.").doesNotContain(API_KEY).doesNotContain("0123456789");
        String[] parts = sealed.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(Base64.getUrlDecoder().decode(parts[1])).hasSize(12);
        // the ciphertext is as long as the key plus the 16-byte tag
        assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(API_KEY.length() + 16);
        assertThat(box.open(sealed)).isEqualTo(API_KEY);
        // a node started with the same SECRET_KEY (surrounding spaces of .env lines do not count) reads it too
        assertThat(CryptoConfiguration.secretBox("  " + SECRET_KEY + " ").open(sealed)).isEqualTo(API_KEY);
    }

    @Test
    void eachSealingTakesAFreshNonce() {
        assertThat(box.seal(API_KEY)).isNotEqualTo(box.seal(API_KEY));
    }

    @Test
    void anotherSecretKeyFailsClearly_neitherWithGarbageNorWithTheKey() {
        String sealed = box.seal(API_KEY);
        SecretBoxPort other = CryptoConfiguration.secretBox("another SECRET_KEY, also long enough");

        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("another SECRET_KEY").hasMessageNotContaining(API_KEY);
    }

    @Test
    void anAlteredValueIsRefused() {
        String sealed = box.seal(API_KEY);
        char last = sealed.charAt(sealed.length() - 1);
        String altered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> box.open(altered)).isInstanceOf(UnreadableSecretException.class);
        assertThatThrownBy(() -> box.open("sk-plain-text-key")).isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("not in a known format");
    }

    @Test
    void withoutASecretKeyNothingIsSealed_andAStoredKeySaysWhatIsMissing() {
        String sealed = box.seal(API_KEY);
        SecretBoxPort none = CryptoConfiguration.secretBox("");

        assertThat(none.available()).isFalse();
        assertThatThrownBy(() -> none.seal(API_KEY)).isInstanceOf(IllegalStateException.class).hasMessageContaining("SECRET_KEY");
        assertThatThrownBy(() -> none.open(sealed)).isInstanceOf(UnreadableSecretException.class).hasMessageContaining("no SECRET_KEY is set");
    }

    @Test
    void aShortSecretKeyIsRefusedAtStartUp() {
        assertThatThrownBy(() -> CryptoConfiguration.secretBox("too-short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 characters");
        assertThat(box.toString()).doesNotContain(SECRET_KEY);
    }
}

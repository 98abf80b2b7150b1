package uz.suhbat.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uz.suhbat.domain.shared.InvalidValueException;

class UserValuesTest {

    @Test
    void usernameAcceptsLettersOfAnyScriptAndTrims() {
        assertThat(new Username("  Oʻktam_99 ").value()).isEqualTo("Oʻktam_99");
        assertThat(new Username("алишер").value()).isEqualTo("алишер");
    }

    @Test
    void usernameRefusesTooShortOrSpaces() {
        assertThatThrownBy(() -> new Username("ab"))
                .isInstanceOf(InvalidValueException.class)
                .extracting("code").isEqualTo("validation.username.invalid");
        assertThatThrownBy(() -> new Username("a b c")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Username(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void usernamesCompareWithoutCase() {
        assertThat(new Username("Aziz").sameAs(new Username("aziz"))).isTrue();
        assertThat(new Username("Aziz").sameAs(new Username("aziza"))).isFalse();
    }

    @Test
    void emailIsLowerCasedAndChecked() {
        assertThat(new EmailAddress(" Nodira@Example.UZ ").value()).isEqualTo("nodira@example.uz");
        assertThatThrownBy(() -> new EmailAddress("nodira@localhost"))
                .isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("email");
        assertThatThrownBy(() -> new EmailAddress("not an email")).isInstanceOf(InvalidValueException.class);
    }
}

package uz.suhbat.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import uz.suhbat.domain.shared.Problem;
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
                .extracting("problem").isEqualTo(Problem.USERNAME_INVALID);
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

    @Test
    void anEmailIsABareAddressAndNothingElse() {
        assertThat(new EmailAddress("o'neil.bek+chat@mail.example.uz").value()).isEqualTo("o'neil.bek+chat@mail.example.uz");
        assertThat(new EmailAddress("ali@почта.рф").value()).isEqualTo("ali@почта.рф");
        for (String notBare : new String[] {"name<other@evil.test>", "Name <other@evil.test>", "<other@evil.test>",
                "\"name\"@evil.test", "a@b.test, c@d.test", "a@b.test;c@d.test", "me@evil.test (comment)", "me(x)@evil.test",
                "a@b@evil.test", "me@evil.test\r\nBcc: x@y.test", "me@[127.0.0.1]", ".me@evil.test", "me.@evil.test",
                "m..e@evil.test", "me@-evil.test", "me@evil-.test", "me@evil..test", "me@evil.t", "me@evil.test.",
                "me\u0000@evil.test", "a".repeat(65) + "@evil.test", "me@" + "a".repeat(250) + ".test"}) {
            assertThatThrownBy(() -> new EmailAddress(notBare)).as(notBare).isInstanceOf(InvalidValueException.class);
        }
    }
}

package uz.suhbat.application.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.in.account.PasswordResetUseCase.Done;
import uz.suhbat.application.port.in.account.PasswordResetUseCase.InvalidToken;
import uz.suhbat.application.port.in.account.PasswordResetUseCase.Rejected;
import uz.suhbat.application.port.in.account.PasswordResetUseCase.Request;
import uz.suhbat.application.port.in.account.SessionCheckQuery;
import uz.suhbat.application.port.in.account.SignInUseCase;

class PasswordResetTest extends AccountsFixture {

    @Test
    void givenAnUnknownAddress_whenAskingForAReset_thenSameAnswerAndNoMail() {
        int before = mail.sent().size();

        assertThat(passwordReset.requestReset("nobody@example.uz", "10.0.0.1", "uz")).isEqualTo(Request.ACCEPTED);
        assertThat(passwordReset.requestReset("not even an address", "10.0.0.1", "uz")).isEqualTo(Request.ACCEPTED);

        assertThat(mail.sent()).hasSize(before);
    }

    @Test
    void givenAResetLink_whenUsed_thenPasswordChangesOnceAndEverySessionAndDeviceEnds() {
        long id = verified("malika");
        String cookie = deviceLogins.remember(id, "Firefox");
        int epoch = users.findById(id).orElseThrow().sessionEpoch();

        passwordReset.requestReset("MALIKA@example.uz", "10.0.0.1", "uz");
        String token = mail.last().token();
        assertThat(mail.last().kind()).isEqualTo("reset");
        assertThat(passwordReset.tokenValid(token)).isTrue();

        assertThat(passwordReset.reset(token, "brand new passphrase")).isInstanceOf(Done.class);
        assertThat(passwordReset.reset(token, "another new passphrase")).isInstanceOf(InvalidToken.class);

        assertThat(signIn.signIn(new SignInUseCase.Credentials("malika", "brand new passphrase", "10.0.0.1"))).isInstanceOf(SignInUseCase.SignedIn.class);
        assertThat(sessions.check(id, epoch)).isInstanceOf(SessionCheckQuery.Ended.class);
        assertThat(deviceLogins.resume(cookie, "Firefox")).isInstanceOf(uz.suhbat.application.port.in.account.DeviceLoginUseCase.Invalid.class);
    }

    @Test
    void givenAResetLink_whenOlderThan30Minutes_thenRefused() {
        verified("nigora");
        passwordReset.requestReset("nigora@example.uz", "10.0.0.1", "uz");
        String token = mail.last().token();

        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(passwordReset.tokenValid(token)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(passwordReset.tokenValid(token)).isFalse();
        assertThat(passwordReset.reset(token, "brand new passphrase")).isInstanceOf(InvalidToken.class);
    }

    @Test
    void givenAWeakNewPassword_whenResetting_thenRefusedAndTheLinkStaysUsable() {
        verified("zarina");
        passwordReset.requestReset("zarina@example.uz", "10.0.0.1", "uz");
        String token = mail.last().token();

        assertThat(passwordReset.reset(token, "12345678")).isInstanceOf(Rejected.class);
        assertThat(passwordReset.reset(token, "a much better passphrase")).isInstanceOf(Done.class);
    }

    @Test
    void givenManyResetRequests_whenFromOneAddress_thenThrottled() {
        verified("timur");
        for (int i = 0; i < 3; i++) {
            assertThat(passwordReset.requestReset("timur@example.uz", "10.0.0.9", "uz")).isEqualTo(Request.ACCEPTED);
        }
        assertThat(passwordReset.requestReset("timur@example.uz", "10.0.0.9", "uz")).isEqualTo(Request.THROTTLED);
    }
}

package uz.suhbat.application.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.in.account.ProfileUseCase.Profile;
import uz.suhbat.application.port.in.account.SignInUseCase;

class ProfileTest extends AccountsFixture {

    @Test
    void givenANewEmail_whenEditing_thenItWaitsForVerificationBeforeReplacingTheOld() {
        long id = verified("aziza");

        assertThat(accounts.edit(id, "aziza_k", "new@example.uz")).isEmpty();

        Profile pending = accounts.profile(id);
        assertThat(pending.username()).isEqualTo("aziza_k");
        assertThat(pending.email()).isEqualTo("aziza@example.uz");
        assertThat(pending.pendingEmail()).isEqualTo("new@example.uz");
        assertThat(mail.last().to().value()).isEqualTo("new@example.uz");

        assertThat(accounts.verify(mail.last().token())).isTrue();
        Profile done = accounts.profile(id);
        assertThat(done.email()).isEqualTo("new@example.uz");
        assertThat(done.pendingEmail()).isNull();
    }

    @Test
    void givenAnotherUsersNameOrAddress_whenEditing_thenRefused() {
        verified("first");
        long id = verified("second");

        assertThat(accounts.edit(id, "FIRST", "first@example.uz"))
                .containsEntry("username", "validation.username.taken")
                .containsEntry("email", "validation.email.taken");
    }

    @Test
    void givenTheCurrentPassword_whenChanging_thenTheNewOneWorks() {
        long id = verified("nargiza");

        assertThat(accounts.changePassword(id, "wrong", "fresh passphrase")).containsEntry("currentPassword", "validation.password.wrong");
        assertThat(accounts.changePassword(id, "long enough secret", "fresh passphrase")).isEmpty();

        assertThat(signIn.signIn(new SignInUseCase.Command("nargiza", "fresh passphrase", "x"))).isInstanceOf(SignInUseCase.SignedIn.class);
    }

    @Test
    void givenThePassword_whenDeleting_thenTheAccountAndItsDevicesAreGone() {
        long id = verified("deleteme");
        deviceLogins.remember(id, "Laptop");

        assertThat(accounts.delete(id, "wrong password")).isFalse();
        assertThat(accounts.delete(id, "long enough secret")).isTrue();

        assertThat(users.findById(id)).isEmpty();
        assertThat(devices.findByUser(id)).isEmpty();
    }
}

package uz.suhbat.application.service.account;

import static org.assertj.core.api.Assertions.assertThat;
import uz.suhbat.domain.shared.Problem;

import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.in.account.ProfileUseCase.Profile;
import uz.suhbat.application.port.in.account.DeviceLoginUseCase;
import uz.suhbat.application.port.in.account.SessionCheckQuery;
import uz.suhbat.application.port.in.account.SignInUseCase;

class ProfileTest extends AccountsFixture {

    @Test
    void givenANewEmail_whenEditing_thenItWaitsForVerificationBeforeReplacingTheOld() {
        long id = verified("aziza");

        assertThat(profiles.edit(id, "aziza_k", "new@example.uz")).isEmpty();

        Profile pending = profiles.profile(id);
        assertThat(pending.username()).isEqualTo("aziza_k");
        assertThat(pending.email()).isEqualTo("aziza@example.uz");
        assertThat(pending.pendingEmail()).isEqualTo("new@example.uz");
        assertThat(mail.last().to().value()).isEqualTo("new@example.uz");

        assertThat(registration.verify(mail.last().token())).isTrue();
        Profile done = profiles.profile(id);
        assertThat(done.email()).isEqualTo("new@example.uz");
        assertThat(done.pendingEmail()).isNull();
    }

    @Test
    void givenAnotherUsersNameOrAddress_whenEditing_thenRefused() {
        verified("first");
        long id = verified("second");

        assertThat(profiles.edit(id, "FIRST", "first@example.uz"))
                .containsEntry("username", Problem.USERNAME_TAKEN)
                .containsEntry("email", Problem.EMAIL_TAKEN);
    }

    @Test
    void givenTheCurrentPassword_whenChanging_thenTheNewOneWorks() {
        long id = verified("nargiza");

        assertThat(profiles.changePassword(id, "wrong", "fresh passphrase")).containsEntry("currentPassword", Problem.PASSWORD_WRONG);
        assertThat(profiles.changePassword(id, "long enough secret", "fresh passphrase")).isEmpty();

        assertThat(signIn.signIn(new SignInUseCase.Credentials("nargiza", "fresh passphrase", "x"))).isInstanceOf(SignInUseCase.SignedIn.class);
    }

    @Test
    void givenOtherSessionsAndDevices_whenChangingThePassword_thenEveryOneEnds() {
        long id = verified("moved");
        String laptop = deviceLogins.remember(id, "Laptop");
        int epoch = sessions.currentEpoch(id);
        assertThat(sessions.check(id, epoch)).isInstanceOf(SessionCheckQuery.Active.class);

        assertThat(profiles.changePassword(id, "long enough secret", "fresh passphrase")).isEmpty();

        assertThat(sessions.check(id, epoch)).as("a session of before the change").isInstanceOf(SessionCheckQuery.Ended.class);
        assertThat(deviceLogins.resume(laptop, "Laptop")).isInstanceOf(DeviceLoginUseCase.Invalid.class);
        assertThat(sessions.check(id, sessions.currentEpoch(id))).as("the session that changed it goes on with the new epoch")
                .isInstanceOf(SessionCheckQuery.Active.class);
    }

    @Test
    void givenOtherSessions_whenSigningOutOthers_thenTheyEndAndThisOneGoesOn() {
        long id = verified("careful");
        String here = deviceLogins.remember(id, "Laptop");
        String phone = deviceLogins.remember(id, "Phone");
        int epoch = sessions.currentEpoch(id);

        int newEpoch = deviceLogins.signOutOthers(id, here);

        assertThat(sessions.check(id, epoch)).as("the phone's live session").isInstanceOf(SessionCheckQuery.Ended.class);
        assertThat(deviceLogins.resume(phone, "Phone")).isInstanceOf(DeviceLoginUseCase.Invalid.class);
        assertThat(sessions.check(id, newEpoch)).isInstanceOf(SessionCheckQuery.Active.class);
        assertThat(deviceLogins.resume(here, "Laptop")).isInstanceOf(DeviceLoginUseCase.Valid.class);

        long other = verified("bystander");
        var phoneSession = new SessionCheckQuery.OpenSession(id, epoch);
        assertThat(sessions.endedAmong(java.util.List.of(phoneSession, new SessionCheckQuery.OpenSession(id, newEpoch),
                new SessionCheckQuery.OpenSession(other, sessions.currentEpoch(other)), new SessionCheckQuery.OpenSession(987_654L, 0))))
                .as("the streams a node holds, checked in one read").containsExactlyInAnyOrder(phoneSession, new SessionCheckQuery.OpenSession(987_654L, 0));
    }

    @Test
    void givenTwoDevices_whenOneIsSignedOut_thenItsLiveSessionEndsAndTheOtherGoesOn() {
        long id = verified("onedevice");
        String laptop = deviceLogins.remember(id, "Laptop");
        String phone = deviceLogins.remember(id, "Phone");
        int epoch = sessions.currentEpoch(id);
        String phoneSeries = phone.substring(0, phone.indexOf(':'));
        String laptopSeries = laptop.substring(0, laptop.indexOf(':'));
        assertThat(sessions.check(id, epoch, phoneSeries)).isInstanceOf(SessionCheckQuery.Active.class);
        long phoneId = deviceLogins.devices(id, laptop).stream().filter(d -> !d.current()).findFirst().orElseThrow().id();

        deviceLogins.signOut(id, phoneId);

        assertThat(sessions.check(id, epoch, phoneSeries)).as("the phone's live session").isInstanceOf(SessionCheckQuery.Ended.class);
        assertThat(sessions.check(id, epoch, laptopSeries)).as("the laptop's").isInstanceOf(SessionCheckQuery.Active.class);
        assertThat(sessions.check(id, epoch, null)).as("a session tied to no device").isInstanceOf(SessionCheckQuery.Active.class);
        long other = verified("someoneelse");
        assertThat(sessions.check(other, sessions.currentEpoch(other), laptopSeries)).as("another account's device does not count")
                .isInstanceOf(SessionCheckQuery.Ended.class);
    }

    @Test
    void givenAChosenLanguage_whenTheSessionIsCheckedAndMailIsSent_thenTheyUseIt() {
        long id = verified("dilnoza");
        assertThat(((SessionCheckQuery.Active) sessions.check(id, 0)).language()).isEqualTo("uz");

        assertThat(profiles.chooseLanguage(id, "uz-Cyrl-UZ")).isTrue();

        assertThat(((SessionCheckQuery.Active) sessions.check(id, 0)).language()).isEqualTo("uz-Cyrl");
        assertThat(profiles.edit(id, "dilnoza", "other@example.uz")).isEmpty();
        assertThat(mail.last().language()).isEqualTo("uz-Cyrl");
        passwordReset.requestReset("dilnoza@example.uz", "10.0.0.1", "en");
        assertThat(mail.last().kind()).isEqualTo("reset");
        assertThat(mail.last().language()).as("the account's language, not the page's").isEqualTo("uz-Cyrl");
    }

    @Test
    void givenALanguageWeDoNotSpeak_whenChosen_thenNothingChanges() {
        long id = verified("jasur");

        assertThat(profiles.chooseLanguage(id, "de")).isFalse();
        assertThat(profiles.chooseLanguage(id, null)).isFalse();

        assertThat(users.findById(id).orElseThrow().language()).isEqualTo("uz");
    }

    @Test
    void givenThePassword_whenDeleting_thenTheAccountAndItsDevicesAreGone() {
        long id = verified("deleteme");
        deviceLogins.remember(id, "Laptop");

        assertThat(profiles.delete(id, "wrong password")).isFalse();
        assertThat(profiles.delete(id, "long enough secret")).isTrue();

        assertThat(users.findById(id)).isEmpty();
        assertThat(devices.findByUser(id)).isEmpty();
    }
}

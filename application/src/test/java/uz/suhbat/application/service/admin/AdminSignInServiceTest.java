package uz.suhbat.application.service.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.FakePasswordHashing;
import uz.suhbat.application.fake.InMemoryAdminRepository;
import uz.suhbat.application.fake.InMemorySecretKeyRepository;
import uz.suhbat.application.fake.InMemoryThrottleRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.port.in.account.PasswordSignInUseCase.Credentials;
import uz.suhbat.application.port.in.admin.AdminSignInUseCase;
import uz.suhbat.application.port.in.account.PasswordSignInUseCase.SignedIn;
import uz.suhbat.application.port.in.account.PasswordSignInUseCase.Throttled;
import uz.suhbat.application.port.in.account.PasswordSignInUseCase.WrongCredentials;
import uz.suhbat.application.service.account.ThrottledPasswordCheck;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Username;

class AdminSignInServiceTest {

    private final MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
    private final InMemoryAdminRepository admins = new InMemoryAdminRepository();
    private final FakePasswordHashing hashing = new FakePasswordHashing();
    private final AdminSignInService service = new AdminSignInService(admins,
            ThrottledPasswordCheck.forAdmins(hashing, new InMemoryThrottleRepository(), new InMemorySecretKeyRepository(), clock));
    private final Admin boss = admins.save(Admin.newMain(new Username("boss"), new EmailAddress("boss@example.uz"),
            hashing.hash("right password"), clock.instant()));

    @Test
    void givenTheRightPassword_whenSigningIn_thenTheAdminIsSignedInWithoutCaseInTheName() {
        assertThat(service.signIn(new Credentials("BOSS", "right password", "10.0.0.1")))
                .isInstanceOfSatisfying(SignedIn.class, in -> assertThat(in).extracting(SignedIn::account)
                        .isEqualTo(new AdminSignInUseCase.SignedInAdmin(boss.id(), "boss", true)));
    }

    @Test
    void givenAWrongPasswordOrAnUnknownName_whenSigningIn_thenBothAnswerTheSame() {
        assertThat(service.signIn(new Credentials("boss", "wrong", "10.0.0.1"))).isInstanceOf(WrongCredentials.class);
        assertThat(service.signIn(new Credentials("nobody", "wrong", "10.0.0.1"))).isInstanceOf(WrongCredentials.class);
        assertThat(service.signIn(new Credentials("no such name!", "wrong", "10.0.0.1"))).isInstanceOf(WrongCredentials.class);
    }

    @Test
    void givenThreeFailures_whenTryingAgain_thenTheAccountMustWaitEvenWithTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            service.signIn(new Credentials("boss", "guess " + i, "10.0.0." + i));
        }

        assertThat(service.signIn(new Credentials("boss", "right password", "10.0.0.9"))).isInstanceOf(Throttled.class);

        clock.advance(Duration.ofMinutes(16));
        assertThat(service.signIn(new Credentials("boss", "right password", "10.0.0.9"))).isInstanceOf(SignedIn.class);
    }

    @Test
    void givenAnAttackerLockingTheAdminOut_whenTheAdminComesBackFromAKnownBrowser_thenSignedIn() {
        String known = ((SignedIn<?>) service.signIn(new Credentials("boss", "right password", "10.0.0.1"))).knownDevice();
        for (int i = 0; i < 6; i++) {
            service.signIn(new Credentials("boss", "guess " + i, "66.6.6." + i));
        }
        assertThat(service.signIn(new Credentials("boss", "right password", "10.0.0.1"))).as("a browser without the token waits")
                .isInstanceOf(Throttled.class);

        assertThat(service.signIn(new Credentials("boss", "right password", "10.0.0.1", known))).isInstanceOf(SignedIn.class);
        assertThat(service.signIn(new Credentials("boss", "right password", "10.0.0.1", known.replace('.', '!'))))
                .as("a forged token counts for nothing").isInstanceOf(Throttled.class);
    }

    @Test
    void givenARemovedAdmin_whenItsSessionIsChecked_thenItIsNoLongerAnAdmin() {
        assertThat(service.stillAdmin(boss.id())).isTrue();

        admins.delete(boss.id());

        assertThat(service.stillAdmin(boss.id())).isFalse();
        assertThat(service.active(boss.id())).isEmpty();
    }

    @Test
    void givenAPickedLanguage_whenTheSessionIsChecked_thenItComesWithIt() {
        assertThat(service.active(boss.id())).contains(new uz.suhbat.application.port.in.admin.AdminSignInUseCase.Active(null));

        assertThat(service.chooseLanguage(boss.id(), "uz-Cyrl-UZ")).isTrue();
        assertThat(service.chooseLanguage(boss.id(), "de")).isFalse();

        assertThat(service.active(boss.id())).contains(new uz.suhbat.application.port.in.admin.AdminSignInUseCase.Active("uz-Cyrl"));
    }
}

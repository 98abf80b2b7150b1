package uz.suhbat.application.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.in.account.DeviceLoginUseCase.Invalid;
import uz.suhbat.application.port.in.account.DeviceLoginUseCase.Resumed;
import uz.suhbat.application.port.in.account.DeviceLoginUseCase.Valid;
import uz.suhbat.application.port.in.account.SessionCheckQuery;
import uz.suhbat.application.port.in.account.SignInUseCase;
import uz.suhbat.application.port.in.account.PasswordSignInUseCase.Blocked;
import uz.suhbat.application.port.in.account.PasswordSignInUseCase.Credentials;
import uz.suhbat.application.port.in.account.PasswordSignInUseCase.SignedIn;
import uz.suhbat.application.port.in.account.PasswordSignInUseCase.Throttled;
import uz.suhbat.application.port.in.account.PasswordSignInUseCase.WrongCredentials;

class SignInAndDevicesTest extends AccountsFixture {

    @Test
    void givenAUser_whenSigningInByUsernameOrEmail_thenSignedIn() {
        long id = registered("Rustam");

        assertThat(signIn.signIn(new Credentials("rustam", "long enough secret", "1.1.1.1"))).isInstanceOfSatisfying(SignedIn.class,
                in -> assertThat(in.account()).isEqualTo(new SignInUseCase.SignedInUser(id, "Rustam", 0)));
        assertThat(signIn.signIn(new Credentials("RUSTAM@example.uz", "long enough secret", "1.1.1.1"))).isInstanceOf(SignedIn.class);
        assertThat(signIn.signIn(new Credentials("rustam", "wrong secret", "1.1.1.1"))).isInstanceOf(WrongCredentials.class);
        assertThat(signIn.signIn(new Credentials("nobody", "long enough secret", "1.1.1.1"))).isInstanceOf(WrongCredentials.class);
    }

    @Test
    void givenRepeatedFailures_whenSigningIn_thenSlowedDownButNotLockedOutForLong() {
        registered("lola");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn.signIn(new Credentials("lola", "guess " + i, "2.2.2.2"))).isInstanceOf(WrongCredentials.class);
        }
        assertThat(signIn.signIn(new Credentials("lola", "long enough secret", "3.3.3.3")))
                .as("even the right password waits while the account is throttled").isInstanceOf(Throttled.class);

        clock.advance(Duration.ofMinutes(5));
        assertThat(signIn.signIn(new Credentials("lola", "long enough secret", "3.3.3.3"))).isInstanceOf(SignedIn.class);
    }

    @Test
    void givenAnAttackerGuessingFromManyAddresses_whenTheOwnerComesBackFromABrowserThatSignedInBefore_thenNotLockedOut() {
        registered("owner");
        String known = ((SignedIn<?>) signIn.signIn(new Credentials("owner", "long enough secret", "5.5.5.5"))).knownDevice();
        assertThat(known).isNotBlank();
        for (int i = 0; i < 8; i++) {
            signIn.signIn(new Credentials("owner", "guess " + i, "66.6.6." + i));
        }
        assertThat(signIn.signIn(new Credentials("owner", "long enough secret", "7.7.7.7"))).as("a new browser waits")
                .isInstanceOf(Throttled.class);

        assertThat(signIn.signIn(new Credentials("owner", "long enough secret", "5.5.5.5", known))).isInstanceOf(SignedIn.class);
        assertThat(signIn.signIn(new Credentials("OWNER@example.uz", "long enough secret", "5.5.5.5", known))).isInstanceOf(SignedIn.class);
    }

    @Test
    void givenAStolenKnownDeviceToken_whenGuessingWithIt_thenThatDeviceIsThrottledOnItsOwn() {
        registered("victim");
        registered("other");
        String known = ((SignedIn<?>) signIn.signIn(new Credentials("victim", "long enough secret", "5.5.5.5"))).knownDevice();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn.signIn(new Credentials("victim", "guess " + i, "8.8.8.8", known))).isInstanceOf(WrongCredentials.class);
        }
        assertThat(signIn.signIn(new Credentials("victim", "guess 6", "8.8.8.8", known))).isInstanceOf(Throttled.class);
        assertThat(signIn.signIn(new Credentials("other", "long enough secret", "5.5.5.5", known)))
                .as("the token of one account means nothing for another").isInstanceOf(SignedIn.class);
    }

    @Test
    void givenABlockedUser_whenSigningIn_thenToldWhy() {
        long id = verified("bekzod");
        users.save(users.findById(id).orElseThrow().block("Spam"));

        assertThat(signIn.signIn(new Credentials("bekzod", "long enough secret", "1.1.1.1"))).isEqualTo(new Blocked<>("Spam"));
        assertThat(sessions.check(id, 0)).isEqualTo(new SessionCheckQuery.Blocked("Spam"));
    }

    @Test
    void givenARememberedDevice_whenItComesBackWithin2Days_thenSignedInWithANewTokenEachTime() {
        long id = verified("shahlo");
        String cookie = deviceLogins.remember(id, "Chromium");

        clock.advance(Duration.ofDays(2).minusSeconds(1));
        Resumed first = deviceLogins.resume(cookie, "Chromium");
        assertThat(first).isInstanceOf(Valid.class);
        String rotated = ((Valid) first).newCookieValue();
        assertThat(rotated).isNotEqualTo(cookie).startsWith(cookie.substring(0, cookie.indexOf(':')));

        clock.advance(Duration.ofDays(2).minusSeconds(1));
        assertThat(deviceLogins.resume(rotated, "Chromium")).as("each visit renews the two days").isInstanceOf(Valid.class);
    }

    @Test
    void givenARememberedDevice_whenAway2Days_thenMustSignInAgain() {
        long id = verified("oybek");
        String cookie = deviceLogins.remember(id, "Chromium");

        clock.advance(Duration.ofDays(2));

        assertThat(deviceLogins.resume(cookie, "Chromium")).isInstanceOf(Invalid.class);
        assertThat(devices.findByUser(id)).isEmpty();
    }

    @Test
    void givenASignedInDevice_whenItVisits_thenTheTwoDaysStartAgain() {
        long id = verified("gulnora");
        String cookie = deviceLogins.remember(id, "Chromium");

        clock.advance(Duration.ofDays(1));
        deviceLogins.visited(cookie);
        clock.advance(Duration.ofDays(1).plusHours(12));

        assertThat(deviceLogins.resume(cookie, "Chromium")).isInstanceOf(Valid.class);
    }

    @Test
    void givenAnOldTokenReusedAfterRotation_thenEveryDeviceOfTheUserIsSignedOut() {
        long id = verified("anvar");
        String stolen = deviceLogins.remember(id, "Chromium");
        String other = deviceLogins.remember(id, "Phone");
        String rotated = ((Valid) deviceLogins.resume(stolen, "Chromium")).newCookieValue();

        assertThat(deviceLogins.resume(stolen, "Evil")).as("within the grace period a parallel request passes without a new token")
                .isEqualTo(new Valid(id, "anvar", 0, null));

        clock.advance(Duration.ofMinutes(1));
        assertThat(deviceLogins.resume(stolen, "Evil")).isInstanceOf(Invalid.class);
        assertThat(deviceLogins.resume(rotated, "Chromium")).isInstanceOf(Invalid.class);
        assertThat(deviceLogins.resume(other, "Phone")).isInstanceOf(Invalid.class);
    }

    @Test
    void givenDevices_whenSigningOutOthers_thenOnlyThisOneRemains() {
        long id = verified("ulugbek");
        String here = deviceLogins.remember(id, "Laptop");
        String phone = deviceLogins.remember(id, "Phone");

        assertThat(deviceLogins.devices(id, here)).hasSize(2).filteredOn(d -> d.current()).hasSize(1);
        deviceLogins.signOutOthers(id, here);

        assertThat(deviceLogins.resume(phone, "Phone")).isInstanceOf(Invalid.class);
        assertThat(deviceLogins.devices(id, here)).singleElement().matches(d -> d.current());
    }

    @Test
    void givenGarbageCookies_whenResuming_thenInvalid() {
        assertThat(deviceLogins.resume(null, "x")).isInstanceOf(Invalid.class);
        assertThat(deviceLogins.resume("abc", "x")).isInstanceOf(Invalid.class);
        assertThat(deviceLogins.resume("a:b:c", "x")).isInstanceOf(Invalid.class);
    }
}

package uz.suhbat.application.service.account;

import uz.suhbat.application.fake.FakePasswordHashing;
import uz.suhbat.application.fake.InMemoryDeviceLoginRepository;
import uz.suhbat.application.fake.InMemoryOneTimeTokenRepository;
import uz.suhbat.application.fake.InMemorySecretKeyRepository;
import uz.suhbat.application.fake.InMemoryThrottleRepository;
import uz.suhbat.application.fake.InMemoryUserRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.fake.RecordingAccountMail;
import uz.suhbat.application.port.in.account.RegisterUseCase;

/** The account services wired to in-memory fakes and a clock the test moves. */
class AccountsFixture {

    final MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
    final InMemoryDeviceLoginRepository devices = new InMemoryDeviceLoginRepository();
    final InMemoryOneTimeTokenRepository tokens = new InMemoryOneTimeTokenRepository();
    final InMemoryUserRepository users = new InMemoryUserRepository().cascadeTo(devices::deleteAllOfUser).cascadeTo(tokens::deleteAllOfUser);
    final RecordingAccountMail mail = new RecordingAccountMail();
    final FakePasswordHashing hashing = new FakePasswordHashing();
    final InMemoryThrottleRepository throttles = new InMemoryThrottleRepository();
    final InMemorySecretKeyRepository secrets = new InMemorySecretKeyRepository();
    final AccountMail accountMail = new AccountMail(mail, tokens, throttles, clock, "https://suhbat.example.uz/");
    final RegistrationService registration = new RegistrationService(users, tokens, hashing, accountMail, clock);
    final PasswordResetService passwordReset = new PasswordResetService(users, tokens, devices, hashing, accountMail, clock);
    final ProfileService profiles = new ProfileService(users, devices, hashing, accountMail);
    final SessionCheckService sessions = new SessionCheckService(users, devices);
    final SignInService signIn = new SignInService(users, ThrottledPasswordCheck.forUsers(hashing, throttles, secrets, clock));
    final DeviceLoginService deviceLogins = new DeviceLoginService(devices, users, clock);

    long registered(String username) {
        RegisterUseCase.Result result = registration.register(new RegisterUseCase.Command(username, username + "@example.uz", "long enough secret", "uz"));
        org.assertj.core.api.Assertions.assertThat(result).isInstanceOf(RegisterUseCase.CheckInbox.class);
        return users.findByUsername(new uz.suhbat.domain.user.Username(username)).orElseThrow().id();
    }

    long verified(String username) {
        long id = registered(username);
        registration.verify(mail.last().token());
        return id;
    }
}

package uz.suhbat.application.service.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import uz.suhbat.application.port.in.admin.AdminSignInUseCase;
import uz.suhbat.application.port.out.admin.AdminRepository;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.application.port.out.security.SecretKeyRepository;
import uz.suhbat.application.port.out.security.ThrottleRepository;
import uz.suhbat.application.service.account.DecoyPasswordHash;
import uz.suhbat.application.service.account.KnownDevices;
import uz.suhbat.application.service.account.Throttle;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.Username;

/**
 * Admin password sign-in. Throttled per account and per address like user sign-in (in the database,
 * shared by every node), but stricter: fewer free attempts, because an admin account opens every
 * user's chats. A browser with the admin's known-device token is counted on its own, so guesses from
 * elsewhere cannot lock the admin out.
 */
public final class AdminSignInService implements AdminSignInUseCase {

    private final AdminRepository admins;
    private final PasswordHashingPort hashing;
    private final Throttle perAccount;
    private final Throttle perAddress;
    private final KnownDevices knownDevices;
    private final DecoyPasswordHash decoyHash;

    public AdminSignInService(AdminRepository admins, PasswordHashingPort hashing, ThrottleRepository throttles, SecretKeyRepository secrets,
                              Clock clock) {
        this.admins = admins;
        this.hashing = hashing;
        this.perAccount = new Throttle(throttles, "admin-sign-in-account", 3, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15), clock);
        this.perAddress = new Throttle(throttles, "admin-sign-in-address", 10, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(30), clock);
        this.knownDevices = new KnownDevices(secrets, "admin");
        this.decoyHash = new DecoyPasswordHash(hashing);
    }

    @Override
    public Result signIn(Command command) {
        Optional<Admin> admin = find(command.username());
        Optional<String> device = admin.flatMap(a -> knownDevices.deviceOf(command.knownDevice(), a.id()));
        String accountKey = device.map(d -> "device:" + d).orElse("account:" + command.username().toLowerCase(Locale.ROOT));
        String addressKey = device.isPresent() ? null : command.remoteAddress();
        if (addressKey != null) {
            Duration wait = perAddress.acquire(addressKey);
            if (!wait.isZero()) {
                return new Throttled(wait);
            }
        }
        Duration wait = perAccount.acquire(accountKey);
        if (!wait.isZero()) {
            if (addressKey != null) {
                perAddress.release(addressKey);
            }
            return new Throttled(wait);
        }
        boolean passwordOk = hashing.matches(command.password(), admin.map(Admin::passwordHash).orElseGet(decoyHash::get));
        if (admin.isEmpty() || !passwordOk) {
            return new WrongCredentials();
        }
        perAccount.reset(accountKey);
        if (addressKey != null) {
            perAddress.release(addressKey);
        }
        return new SignedIn(admin.get().id(), admin.get().username().value(), admin.get().main(), knownDevices.issue(admin.get().id()));
    }

    @Override
    public Optional<Active> active(long adminId) {
        return admins.preferences(adminId)
                .map(p -> new Active(uz.suhbat.domain.user.Language.of(p.language()).map(uz.suhbat.domain.user.Language::tag).orElse(null)));
    }

    @Override
    public boolean chooseLanguage(long adminId, String language) {
        return uz.suhbat.domain.user.Language.of(language).map(chosen -> admins.saveLanguage(adminId, chosen.tag())).orElse(false);
    }

    private Optional<Admin> find(String username) {
        try {
            return admins.findByUsername(new Username(username));
        } catch (InvalidValueException malformed) {
            return Optional.empty();
        }
    }
}

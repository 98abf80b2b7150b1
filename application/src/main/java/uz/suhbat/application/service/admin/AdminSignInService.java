package uz.suhbat.application.service.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import uz.suhbat.application.port.in.admin.AdminSignInUseCase;
import uz.suhbat.application.port.out.admin.AdminRepository;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.application.service.account.DecoyPasswordHash;
import uz.suhbat.application.service.account.Throttle;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.Username;

/**
 * Admin password sign-in. Throttled per account and per address like user sign-in, but stricter:
 * fewer free attempts, because an admin account opens every user's chats.
 */
public final class AdminSignInService implements AdminSignInUseCase {

    private final AdminRepository admins;
    private final PasswordHashingPort hashing;
    private final Throttle perAccount;
    private final Throttle perAddress;
    private final DecoyPasswordHash decoyHash;

    public AdminSignInService(AdminRepository admins, PasswordHashingPort hashing, Clock clock) {
        this.admins = admins;
        this.hashing = hashing;
        this.perAccount = new Throttle(3, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15), clock);
        this.perAddress = new Throttle(10, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(30), clock);
        this.decoyHash = new DecoyPasswordHash(hashing);
    }

    @Override
    public Result signIn(Command command) {
        String accountKey = command.username().toLowerCase(Locale.ROOT);
        Duration wait = max(perAccount.waitFor(accountKey), perAddress.waitFor(command.remoteAddress()));
        if (!wait.isZero()) {
            return new Throttled(wait);
        }
        Optional<Admin> admin = find(command.username());
        boolean passwordOk = hashing.matches(command.password(), admin.map(Admin::passwordHash).orElseGet(decoyHash::get));
        if (admin.isEmpty() || !passwordOk) {
            perAccount.record(accountKey);
            perAddress.record(command.remoteAddress());
            return new WrongCredentials();
        }
        perAccount.reset(accountKey);
        return new SignedIn(admin.get().id(), admin.get().username().value(), admin.get().main());
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

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

package uz.suhbat.application.service.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import uz.suhbat.application.port.in.account.SignInUseCase;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/**
 * Password sign-in. Failures are counted per account and per address: a few are free, then each
 * try must wait longer (capped at 5 minutes per account), so guessing is slow but a real user
 * is never locked out for long.
 */
public final class SignInService implements SignInUseCase {

    private final UserRepository users;
    private final PasswordHashingPort hashing;
    private final Throttle perAccount;
    private final Throttle perAddress;
    private final DecoyPasswordHash decoyHash;

    public SignInService(UserRepository users, PasswordHashingPort hashing, Clock clock) {
        this.users = users;
        this.hashing = hashing;
        this.perAccount = new Throttle(5, Duration.ofMinutes(15), Duration.ofSeconds(15), Duration.ofMinutes(5), clock);
        this.perAddress = new Throttle(20, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15), clock);
        this.decoyHash = new DecoyPasswordHash(hashing);
    }

    @Override
    public Result signIn(Command command) {
        String accountKey = command.identifier().toLowerCase(Locale.ROOT);
        Duration wait = max(perAccount.waitFor(accountKey), perAddress.waitFor(command.remoteAddress()));
        if (!wait.isZero()) {
            return new Throttled(wait);
        }
        Optional<User> user = find(command.identifier());
        boolean passwordOk = hashing.matches(command.password(), user.map(User::passwordHash).orElseGet(decoyHash::get));
        if (user.isEmpty() || !passwordOk) {
            perAccount.record(accountKey);
            perAddress.record(command.remoteAddress());
            return new WrongCredentials();
        }
        perAccount.reset(accountKey);
        if (!user.get().maySignIn()) {
            return new Blocked(user.get().blockedReason());
        }
        return new SignedIn(user.get().id(), user.get().username().value(), user.get().sessionEpoch());
    }

    private Optional<User> find(String identifier) {
        try {
            if (identifier.contains("@")) {
                return users.findByEmail(new EmailAddress(identifier));
            }
            return users.findByUsername(new Username(identifier));
        } catch (InvalidValueException malformed) {
            return Optional.empty();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

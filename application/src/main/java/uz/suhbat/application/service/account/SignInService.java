package uz.suhbat.application.service.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import uz.suhbat.application.port.in.account.SignInUseCase;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.application.port.out.security.SecretKeyRepository;
import uz.suhbat.application.port.out.security.ThrottleRepository;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/**
 * Password sign-in. Failures are counted per account and per client address, in the database, so
 * that any number of nodes allows as many as one: a few are free, then each try must wait longer
 * (capped at 5 minutes per account). Each attempt is counted before the password is checked (and
 * taken back when it was right), so a burst of parallel guesses cannot slip past the count.
 * A browser that signed in to the account before (a valid known-device token) is counted on its
 * own instead of against the account or its address: wrong guesses of others do not lock the owner out.
 */
public final class SignInService implements SignInUseCase {

    private final UserRepository users;
    private final PasswordHashingPort hashing;
    private final Throttle perAccount;
    private final Throttle perAddress;
    private final KnownDevices knownDevices;
    private final DecoyPasswordHash decoyHash;

    public SignInService(UserRepository users, PasswordHashingPort hashing, ThrottleRepository throttles, SecretKeyRepository secrets,
                         Clock clock) {
        this.users = users;
        this.hashing = hashing;
        this.perAccount = new Throttle(throttles, "sign-in-account", 5, Duration.ofMinutes(15), Duration.ofSeconds(15), Duration.ofMinutes(5), clock);
        this.perAddress = new Throttle(throttles, "sign-in-address", 20, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15), clock);
        this.knownDevices = new KnownDevices(secrets, "user");
        this.decoyHash = new DecoyPasswordHash(hashing);
    }

    @Override
    public Result signIn(Command command) {
        Optional<User> user = find(command.identifier());
        Optional<String> device = user.flatMap(u -> knownDevices.deviceOf(command.knownDevice(), u.id()));
        // an account is one key whether named by username or e-mail; an unknown name is a key of its own
        String accountKey = device.map(d -> "device:" + d).orElseGet(() -> user.map(u -> "account:" + u.id())
                .orElse("name:" + command.identifier().toLowerCase(Locale.ROOT)));
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
        boolean passwordOk = hashing.matches(command.password(), user.map(User::passwordHash).orElseGet(decoyHash::get));
        if (user.isEmpty() || !passwordOk) {
            return new WrongCredentials();
        }
        perAccount.reset(accountKey);
        if (addressKey != null) {
            perAddress.release(addressKey);
        }
        if (!user.get().maySignIn()) {
            return new Blocked(user.get().blockedReason());
        }
        return new SignedIn(user.get().id(), user.get().username().value(), user.get().sessionEpoch(), knownDevices.issue(user.get().id()));
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
}

package uz.suhbat.application.service.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import uz.suhbat.application.port.in.account.PasswordSignInUseCase.Credentials;
import uz.suhbat.application.port.in.account.PasswordSignInUseCase.Result;
import uz.suhbat.application.port.in.account.PasswordSignInUseCase.Throttled;
import uz.suhbat.application.port.in.account.PasswordSignInUseCase.WrongCredentials;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.application.port.out.security.SecretKeyRepository;
import uz.suhbat.application.port.out.security.ThrottleRepository;

/**
 * The one password check of user and admin sign-in. Failures are counted per account and per client
 * address, in the database, so that any number of nodes allows as many as one: a few are free, then each
 * try must wait longer. Each attempt is counted before the password is checked (and taken back when it
 * was right), so a burst of parallel guesses cannot slip past the count. An unknown name is checked
 * against a decoy hash, so it takes as long as a known one. A browser that signed in to the account
 * before (a valid known-device token) is counted on its own instead of against the account or its
 * address: wrong guesses of others do not lock the owner out.
 */
public final class ThrottledPasswordCheck {

    /** How many failures are free and how long the waits grow, per account and per address. */
    public record Limits(int freePerAccount, Duration accountWindow, Duration accountFirstWait, Duration accountLongestWait,
                         int freePerAddress, Duration addressWindow, Duration addressFirstWait, Duration addressLongestWait) {
    }

    /** An account found by the name that was given: its id and password hash. */
    public record Account(long id, String passwordHash) {
    }

    /** Users: 5 free failures per account (then waits from 15 s up to 5 minutes), 20 per address. */
    public static ThrottledPasswordCheck forUsers(PasswordHashingPort hashing, ThrottleRepository throttles, SecretKeyRepository secrets,
                                                  Clock clock) {
        return new ThrottledPasswordCheck("user", new Limits(
                5, Duration.ofMinutes(15), Duration.ofSeconds(15), Duration.ofMinutes(5),
                20, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15)), hashing, throttles, secrets, clock);
    }

    /** Admins, stricter, since an admin account opens every user's chats: 3 free per account (waits up to 15 minutes), 10 per address. */
    public static ThrottledPasswordCheck forAdmins(PasswordHashingPort hashing, ThrottleRepository throttles, SecretKeyRepository secrets,
                                                   Clock clock) {
        return new ThrottledPasswordCheck("admin", new Limits(
                3, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15),
                10, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(30)), hashing, throttles, secrets, clock);
    }

    private final PasswordHashingPort hashing;
    private final Throttle perAccount;
    private final Throttle perAddress;
    private final KnownDevices knownDevices;
    private final DecoyPasswordHash decoyHash;

    /** {@code kind}: names the throttles and the known-device key, so users and admins are counted apart. */
    public ThrottledPasswordCheck(String kind, Limits limits, PasswordHashingPort hashing, ThrottleRepository throttles,
                                  SecretKeyRepository secrets, Clock clock) {
        this.hashing = hashing;
        String prefix = kind.equals("user") ? "" : kind + "-";
        this.perAccount = new Throttle(throttles, prefix + "sign-in-account", limits.freePerAccount(), limits.accountWindow(),
                limits.accountFirstWait(), limits.accountLongestWait(), clock);
        this.perAddress = new Throttle(throttles, prefix + "sign-in-address", limits.freePerAddress(), limits.addressWindow(),
                limits.addressFirstWait(), limits.addressLongestWait(), clock);
        this.knownDevices = new KnownDevices(secrets, kind);
        this.decoyHash = new DecoyPasswordHash(hashing);
    }

    /**
     * Throttles, then checks the password of {@code account} (empty: no account has that name). With the
     * right password, the throttles forget the failures and {@code passed} decides the result.
     */
    public <A> Result<A> check(Credentials credentials, Optional<Account> account, Function<Account, Result<A>> passed) {
        Optional<String> device = account.flatMap(a -> knownDevices.deviceOf(credentials.knownDevice(), a.id()));
        // an account is one key whether named by username or e-mail; an unknown name is a key of its own
        String accountKey = device.map(d -> "device:" + d).orElseGet(() -> account.map(a -> "account:" + a.id())
                .orElse("name:" + credentials.name().toLowerCase(Locale.ROOT)));
        String addressKey = device.isPresent() ? null : credentials.remoteAddress();
        if (addressKey != null) {
            Duration wait = perAddress.acquire(addressKey);
            if (!wait.isZero()) {
                return new Throttled<>(wait);
            }
        }
        Duration wait = perAccount.acquire(accountKey);
        if (!wait.isZero()) {
            if (addressKey != null) {
                perAddress.release(addressKey);
            }
            return new Throttled<>(wait);
        }
        boolean passwordOk = hashing.matches(credentials.password(), account.map(Account::passwordHash).orElseGet(decoyHash::get));
        if (account.isEmpty() || !passwordOk) {
            return new WrongCredentials<>();
        }
        perAccount.reset(accountKey);
        if (addressKey != null) {
            perAddress.release(addressKey);
        }
        return passed.apply(account.get());
    }

    /** A new known-device token for a browser that just signed in to {@code accountId}. */
    public String issueKnownDevice(long accountId) {
        return knownDevices.issue(accountId);
    }
}

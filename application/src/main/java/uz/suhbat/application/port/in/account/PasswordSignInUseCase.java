package uz.suhbat.application.port.in.account;

import java.time.Duration;

/**
 * Sign-in with a name and a password, throttled; the shape that user sign-in ({@link SignInUseCase}) and
 * admin sign-in ({@code AdminSignInUseCase}) share. {@code A}: what a successful sign-in tells of the account.
 */
public interface PasswordSignInUseCase<A> {

    Result<A> signIn(Credentials credentials);

    /**
     * {@code name}: a username (or, for users, an e-mail address). {@code knownDevice}: the browser's
     * known-device token, if it has one (see {@link SignedIn#knownDevice}).
     */
    record Credentials(String name, String password, String remoteAddress, String knownDevice) {
        public Credentials {
            name = name == null ? "" : name.strip();
            password = password == null ? "" : password;
            remoteAddress = remoteAddress == null ? "" : remoteAddress;
        }

        public Credentials(String name, String password, String remoteAddress) {
            this(name, password, remoteAddress, null);
        }
    }

    sealed interface Result<A> permits SignedIn, WrongCredentials, Blocked, Throttled {
    }

    /**
     * {@code knownDevice}: a token the browser keeps (a long-lived cookie) and shows at its next
     * sign-in; with it, failures of others do not lock this browser out.
     */
    record SignedIn<A>(A account, String knownDevice) implements Result<A> {
    }

    record WrongCredentials<A>() implements Result<A> {
    }

    /** The password was right, but the account may not sign in (admins are never blocked). */
    record Blocked<A>(String reason) implements Result<A> {
    }

    record Throttled<A>(Duration retryAfter) implements Result<A> {
    }
}

package uz.suhbat.application.port.in.admin;

import java.time.Duration;

/** Admin sign-in at /admin/login, throttled like user sign-in; and whether a signed-in admin still exists. */
public interface AdminSignInUseCase {

    Result signIn(Command command);

    /** Asked on every admin request, so that a removed admin is shut out at once. */
    default boolean stillAdmin(long adminId) {
        return active(adminId).isPresent();
    }

    /**
     * Asked on every admin request: empty once the admin has been removed (their session ends); otherwise what
     * the request needs of them, in one look-up.
     */
    java.util.Optional<Active> active(long adminId);

    /** The admin picked a language with the switch; kept for their other devices. An unknown tag changes nothing (false). */
    boolean chooseLanguage(long adminId, String language);

    /** {@code language}: the tag of the language the admin picked, or null when they never did (the browser decides). */
    record Active(String language) {
    }

    /** {@code knownDevice}: the browser's known-device token, if any (as for users). */
    record Command(String username, String password, String remoteAddress, String knownDevice) {
        public Command {
            username = username == null ? "" : username.strip();
            password = password == null ? "" : password;
            remoteAddress = remoteAddress == null ? "" : remoteAddress;
        }

        public Command(String username, String password, String remoteAddress) {
            this(username, password, remoteAddress, null);
        }
    }

    sealed interface Result {
    }

    record SignedIn(long adminId, String username, boolean main, String knownDevice) implements Result {
        public SignedIn(long adminId, String username, boolean main) {
            this(adminId, username, main, null);
        }
    }

    record WrongCredentials() implements Result {
    }

    record Throttled(Duration retryAfter) implements Result {
    }
}

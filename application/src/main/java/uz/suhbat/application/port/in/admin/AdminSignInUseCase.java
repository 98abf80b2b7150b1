package uz.suhbat.application.port.in.admin;

import java.time.Duration;

/** Admin sign-in at /admin/login, throttled like user sign-in; and whether a signed-in admin still exists. */
public interface AdminSignInUseCase {

    Result signIn(Command command);

    /** Asked on every admin request, so that a removed admin is shut out at once. */
    boolean stillAdmin(long adminId);

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

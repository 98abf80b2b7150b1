package uz.suhbat.application.port.in.admin;

import java.time.Duration;

/** Admin sign-in at /admin/login, throttled like user sign-in; and whether a signed-in admin still exists. */
public interface AdminSignInUseCase {

    Result signIn(Command command);

    /** Asked on every admin request, so that a removed admin is shut out at once. */
    boolean stillAdmin(long adminId);

    record Command(String username, String password, String remoteAddress) {
        public Command {
            username = username == null ? "" : username.strip();
            password = password == null ? "" : password;
            remoteAddress = remoteAddress == null ? "" : remoteAddress;
        }
    }

    sealed interface Result {
    }

    record SignedIn(long adminId, String username, boolean main) implements Result {
    }

    record WrongCredentials() implements Result {
    }

    record Throttled(Duration retryAfter) implements Result {
    }
}

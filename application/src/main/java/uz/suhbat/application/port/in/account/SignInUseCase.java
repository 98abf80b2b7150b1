package uz.suhbat.application.port.in.account;

import java.time.Duration;

/** Checks a username-or-e-mail and password, slowing down repeated failures. */
public interface SignInUseCase {

    Result signIn(Command command);

    /** {@code knownDevice}: the browser's known-device token, if it has one (see {@code SignedIn#knownDevice}). */
    record Command(String identifier, String password, String remoteAddress, String knownDevice) {
        public Command {
            identifier = identifier == null ? "" : identifier.strip();
            password = password == null ? "" : password;
            remoteAddress = remoteAddress == null ? "" : remoteAddress;
        }

        public Command(String identifier, String password, String remoteAddress) {
            this(identifier, password, remoteAddress, null);
        }
    }

    sealed interface Result {
    }

    /**
     * {@code knownDevice}: a token the browser keeps (a long-lived cookie) and shows at its next
     * sign-in; with it, failures of others do not lock this browser out.
     */
    record SignedIn(long userId, String username, int sessionEpoch, String knownDevice) implements Result {
        public SignedIn(long userId, String username, int sessionEpoch) {
            this(userId, username, sessionEpoch, null);
        }
    }

    record WrongCredentials() implements Result {
    }

    record Blocked(String reason) implements Result {
    }

    record Throttled(Duration retryAfter) implements Result {
    }
}

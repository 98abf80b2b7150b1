package uz.suhbat.application.port.in.account;

import java.time.Duration;

/** Checks a username-or-e-mail and password, slowing down repeated failures. */
public interface SignInUseCase {

    Result signIn(Command command);

    record Command(String identifier, String password, String remoteAddress) {
        public Command {
            identifier = identifier == null ? "" : identifier.strip();
            password = password == null ? "" : password;
            remoteAddress = remoteAddress == null ? "" : remoteAddress;
        }
    }

    sealed interface Result {
    }

    record SignedIn(long userId, String username, int sessionEpoch) implements Result {
    }

    record WrongCredentials() implements Result {
    }

    record Blocked(String reason) implements Result {
    }

    record Throttled(Duration retryAfter) implements Result {
    }
}

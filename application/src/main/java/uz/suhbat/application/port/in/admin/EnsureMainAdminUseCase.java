package uz.suhbat.application.port.in.admin;

import java.util.Optional;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Username;

/**
 * Makes the main admin account match the operator's configuration at start-up.
 * With no configured password, the first start generates one and reports it once.
 */
public interface EnsureMainAdminUseCase {

    Outcome ensureMainAdmin(Command command);

    /** {@code password} may be empty: then an existing main admin keeps its password. */
    record Command(Username username, EmailAddress email, Optional<String> password) {
        public Command {
            java.util.Objects.requireNonNull(username, "username");
            java.util.Objects.requireNonNull(email, "email");
            password = password == null ? Optional.empty() : password.filter(p -> !p.isBlank());
        }
    }

    enum Change { CREATED, UPDATED, UNCHANGED }

    /** {@code generatedPassword} is present only when this call invented the password. */
    record Outcome(Change change, Username username, Optional<String> generatedPassword) {
    }
}

package uz.suhbat.application.port.in.account;

import uz.suhbat.domain.shared.Problem;
import java.util.Map;

/**
 * A person creates an account; a verification mail goes to their address. The answer does not tell whether the
 * address already has an account: then its owner gets a "someone tried to register with your address" mail instead,
 * and the person who asked is told, as always, to check their inbox.
 */
public interface RegisterUseCase {

    Result register(Command command);

    /** Raw form input; the service reports every invalid field at once. {@code language}: the page's, a tag of {@link uz.suhbat.domain.user.Language}. */
    record Command(String username, String email, String password, String language) {
        public Command {
            username = username == null ? "" : username;
            email = email == null ? "" : email;
            password = password == null ? "" : password;
            language = uz.suhbat.domain.user.Language.orDefault(language).tag();
        }
    }

    sealed interface Result {
    }

    /** "Check your inbox": the same answer for a new address and for one that has an account already. */
    record CheckInbox() implements Result {
    }

    /** field name → problem; never about the address being taken */
    record Rejected(Map<String, Problem> errors) implements Result {
        public Rejected {
            errors = Map.copyOf(errors);
        }
    }
}

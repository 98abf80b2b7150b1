package uz.suhbat.application.port.in.account;

import uz.suhbat.domain.shared.Problem;
import java.util.Map;

/** A forgotten password is replaced through a link mailed to the account's address. */
public interface PasswordResetUseCase {

    /** Answers the same whether or not the address is known, unless the asker is throttled. */
    Request requestReset(String email, String remoteAddress, String language);

    boolean tokenValid(String token);

    Reset reset(String token, String newPassword);

    enum Request { ACCEPTED, THROTTLED }

    sealed interface Reset {
    }

    record Done() implements Reset {
    }

    record InvalidToken() implements Reset {
    }

    /** field name → message key */
    record Rejected(Map<String, Problem> errors) implements Reset {
    }
}

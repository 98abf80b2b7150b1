package uz.suhbat.application.port.in.account;

import uz.suhbat.domain.shared.Problem;
import java.time.Instant;
import java.util.Map;

/** What a signed-in person does with their own account. */
public interface ProfileUseCase {

    Profile profile(long userId);

    /** field name → message key; empty when saved. A new e-mail waits for verification. */
    Map<String, Problem> edit(long userId, String username, String email);

    /**
     * field name → problem; empty when changed. A change ends every session and remembered
     * device of the account, on every node; the caller's own session goes on with {@link SessionCheckQuery#currentEpoch}.
     */
    Map<String, Problem> changePassword(long userId, String currentPassword, String newPassword);

    /**
     * The user chose a language with the switch: it is kept on the account, so that their other devices and
     * the mail we send them speak it too. An unknown tag changes nothing (false).
     */
    boolean chooseLanguage(long userId, String language);

    /** False when the password is wrong; otherwise the account and its chats are gone. */
    boolean delete(long userId, String password);

    record Profile(long id, String username, String email, String pendingEmail, boolean emailVerified, Instant registeredAt) {
    }
}

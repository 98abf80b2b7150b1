package uz.suhbat.application.port.out.account;

import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Username;

/** Mail about an account, written in the user's language (a tag of {@link uz.suhbat.domain.user.Language}: "uz", "uz-Cyrl", "ru" or "en"). */
public interface AccountMailPort {

    void sendVerification(EmailAddress to, Username username, String link, String language);

    void sendPasswordReset(EmailAddress to, Username username, String link, String language);

    /**
     * Someone tried to register with {@code to}, which has an account already ({@code username}, or null when the address
     * only waits for confirmation on some account): the owner learns of it and gets {@code resetLink} in case it was them.
     */
    void sendRegistrationAttempt(EmailAddress to, Username username, String resetLink, String language);
}

package uz.suhbat.application.port.out.account;

import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Username;

/** Mail about an account, written in the user's language (a tag of {@link uz.suhbat.domain.user.Language}: "uz", "uz-Cyrl", "ru" or "en"). */
public interface AccountMailPort {

    void sendVerification(EmailAddress to, Username username, String link, String language);

    void sendPasswordReset(EmailAddress to, Username username, String link, String language);
}

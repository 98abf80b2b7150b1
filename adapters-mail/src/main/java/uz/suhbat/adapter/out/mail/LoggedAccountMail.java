package uz.suhbat.adapter.out.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.suhbat.application.port.out.account.AccountMailPort;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Username;

/**
 * With no SMTP server configured, the mail, link included, is written to the log so that an
 * operator of a local install can still verify accounts and reset passwords.
 */
final class LoggedAccountMail implements AccountMailPort {

    @Override
    public void sendRegistrationAttempt(EmailAddress to, Username username, String resetLink, String language) {
        write(to, texts.registrationAttempt(to, username, resetLink, language));
    }

    private static final Logger log = LoggerFactory.getLogger(LoggedAccountMail.class);

    private final AccountMailTexts texts;

    LoggedAccountMail(AccountMailTexts texts) {
        this.texts = texts;
    }

    @Override
    public void sendVerification(EmailAddress to, Username username, String link, String language) {
        write(to, texts.verification(username, link, language));
    }

    @Override
    public void sendPasswordReset(EmailAddress to, Username username, String link, String language) {
        write(to, texts.passwordReset(username, link, language));
    }

    private static void write(EmailAddress to, AccountMailTexts.Text text) {
        log.info("No MAIL_HOST set, so this mail is not sent:\nTo: {}\nSubject: {}\n\n{}", to, text.subject(), text.body());
    }
}

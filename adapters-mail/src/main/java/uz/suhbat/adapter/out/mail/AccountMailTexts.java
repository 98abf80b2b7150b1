package uz.suhbat.adapter.out.mail;

import java.util.Locale;
import org.springframework.context.MessageSource;
import uz.suhbat.domain.user.Language;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Username;

/** The subject and body of each account mail, from the mail bundle in the user's language (a tag of {@link Language}). */
final class AccountMailTexts {

    record Text(String subject, String body) {
    }

    private final MessageSource messages;

    AccountMailTexts(MessageSource messages) {
        this.messages = messages;
    }

    Text verification(Username username, String link, String language) {
        return text("verification", username, link, language);
    }

    Text passwordReset(Username username, String link, String language) {
        return text("reset", username, link, language);
    }

    /** {@code username} is null when the address only waits for confirmation on some account: the greeting names the address. */
    Text registrationAttempt(EmailAddress to, Username username, String resetLink, String language) {
        return text(username == null ? "attempt.pending" : "attempt", username == null ? to.value() : username.value(), resetLink, language);
    }

    private Text text(String kind, Username username, String link, String language) {
        return text(kind, username.value(), link, language);
    }

    private Text text(String kind, String name, String link, String language) {
        // the bundles: plain = Uzbek (Latin script), _uz_Cyrl = Uzbek (Cyrillic script), _ru = Russian, _en = English
        Locale locale = Locale.forLanguageTag(Language.orDefault(language).tag());
        Object[] args = {name, link};
        return new Text(messages.getMessage("mail." + kind + ".subject", args, locale),
                messages.getMessage("mail." + kind + ".body", args, locale));
    }
}

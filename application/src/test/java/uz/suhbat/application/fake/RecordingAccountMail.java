package uz.suhbat.application.fake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import uz.suhbat.application.port.out.account.AccountMailPort;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Username;

/** Keeps the mails instead of sending them. */
public final class RecordingAccountMail implements AccountMailPort {

    public record Mail(String kind, EmailAddress to, Username username, String link, String language) {
        public String token() {
            return link.substring(link.indexOf("token=") + "token=".length());
        }
    }

    private final List<Mail> sent = new CopyOnWriteArrayList<>();

    @Override
    public void sendVerification(EmailAddress to, Username username, String link, String language) {
        sent.add(new Mail("verification", to, username, link, language));
    }

    @Override
    public void sendPasswordReset(EmailAddress to, Username username, String link, String language) {
        sent.add(new Mail("reset", to, username, link, language));
    }

    @Override
    public void sendRegistrationAttempt(EmailAddress to, Username username, String resetLink, String language) {
        sent.add(new Mail("registration-attempt", to, username, resetLink, language));
    }

    public List<Mail> sent() {
        return List.copyOf(sent);
    }

    public Mail last() {
        return sent.get(sent.size() - 1);
    }
}

package uz.suhbat.adapter.out.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import uz.suhbat.application.port.out.account.AccountMailPort;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Username;

final class SmtpAccountMail implements AccountMailPort {

    @Override
    public void sendRegistrationAttempt(EmailAddress to, Username username, String resetLink, String language) {
        send(to, texts.registrationAttempt(to, username, resetLink, language));
    }

    private final JavaMailSender sender;
    private final String from;
    private final AccountMailTexts texts;

    SmtpAccountMail(JavaMailSender sender, String from, AccountMailTexts texts) {
        this.sender = sender;
        this.from = from;
        this.texts = texts;
    }

    @Override
    public void sendVerification(EmailAddress to, Username username, String link, String language) {
        send(to, texts.verification(username, link, language));
    }

    @Override
    public void sendPasswordReset(EmailAddress to, Username username, String link, String language) {
        send(to, texts.passwordReset(username, link, language));
    }

    private void send(EmailAddress to, AccountMailTexts.Text text) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(parse(from));
            helper.setTo(to.value());
            helper.setSubject(text.subject());
            helper.setText(text.body(), false);
            sender.send(message);
        } catch (MessagingException | UnsupportedEncodingException | MailException e) {
            // no address or body in the message: it may hold a secret link
            throw new MailSendException("SMTP delivery failed: " + e.getClass().getSimpleName());
        }
    }

    private static InternetAddress parse(String from) throws UnsupportedEncodingException {
        try {
            InternetAddress[] parsed = InternetAddress.parse(from, false);
            if (parsed.length == 1) {
                InternetAddress address = parsed[0];
                return new InternetAddress(address.getAddress(), address.getPersonal(), StandardCharsets.UTF_8.name());
            }
        } catch (jakarta.mail.internet.AddressException malformed) {
            // fall through to the plain address
        }
        return new InternetAddress(from.strip(), null, StandardCharsets.UTF_8.name());
    }
}

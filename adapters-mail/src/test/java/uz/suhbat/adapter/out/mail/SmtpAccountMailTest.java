package uz.suhbat.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uz.suhbat.application.port.out.account.AccountMailPort;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Username;

class SmtpAccountMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private AccountMailPort mail(int port) {
        return new MailConfiguration().accountMailPort(new MailSettings("127.0.0.1", port, "", "", "Suhbat <no-reply@suhbat.uz>"));
    }

    @Test
    void sendsAVerificationMailInUzbekWithTheLink() throws Exception {
        mail(smtp.getSmtp().getPort()).sendVerification(new EmailAddress("nodira@example.uz"), new Username("Nodira"),
                "https://suhbat.example.uz/verify?token=abc", "uz");

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Suhbat: e-pochtangizni tasdiqlang");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("nodira@example.uz");
        assertThat(received.getFrom()[0].toString()).contains("no-reply@suhbat.uz");
        String body = GreenMailUtil.getBody(received);
        assertThat(received.getContent().toString()).contains("Assalomu alaykum, Nodira!")
                .contains("https://suhbat.example.uz/verify?token=abc").contains("24 soat");
        assertThat(body).isNotBlank();
    }

    @Test
    void sendsAResetMailInEnglish() throws Exception {
        mail(smtp.getSmtp().getPort()).sendPasswordReset(new EmailAddress("john@example.com"), new Username("john"),
                "https://suhbat.example.uz/reset-password?token=xyz", "en");

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Suhbat: reset your password");
        assertThat(received.getContent().toString()).contains("Hello john,").contains("reset-password?token=xyz").contains("30 minutes");
    }

    @Test
    void tellsTheOwnerOfAnAddressOfARegistrationAttemptInBothLanguages() throws Exception {
        AccountMailPort port = mail(smtp.getSmtp().getPort());
        port.sendRegistrationAttempt(new EmailAddress("olim@example.uz"), new Username("Olim"), "https://suhbat.example.uz/forgot-password", "uz");
        port.sendRegistrationAttempt(new EmailAddress("kate@example.com"), new Username("kate"), "https://suhbat.example.uz/forgot-password", "en");
        port.sendRegistrationAttempt(new EmailAddress("pending@example.com"), null, "https://suhbat.example.uz/forgot-password", "en");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received[0].getSubject()).isEqualTo("Suhbat: kimdir manzilingiz bilan roʻyxatdan oʻtmoqchi boʻldi");
        assertThat(received[0].getContent().toString()).contains("Assalomu alaykum, Olim!").contains("https://suhbat.example.uz/forgot-password")
                .doesNotContain("token=");
        assertThat(received[1].getSubject()).isEqualTo("Suhbat: someone tried to register with your address");
        assertThat(received[1].getContent().toString()).contains("Hello kate,").contains("no second account was made")
                .contains("https://suhbat.example.uz/forgot-password");
        assertThat(received[2].getContent().toString()).startsWith("Hello pending@example.com,").contains("waiting for confirmation");
    }

    @Test
    void sendsAVerificationMailInUzbekCyrillic() throws Exception {
        mail(smtp.getSmtp().getPort()).sendVerification(new EmailAddress("dilnoza@example.uz"), new Username("Dilnoza"),
                "https://suhbat.example.uz/verify?token=cyr", "uz-Cyrl");

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Suhbat: электрон почтангизни тасдиқланг");
        assertThat(received.getContent().toString()).contains("Ассалому алайкум, Dilnoza!")
                .contains("verify?token=cyr").contains("24 соат");
    }

    @Test
    void sendsAResetMailInRussian() throws Exception {
        mail(smtp.getSmtp().getPort()).sendPasswordReset(new EmailAddress("ivan@example.ru"), new Username("ivan"),
                "https://suhbat.example.uz/reset-password?token=ru", "ru-RU");

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Suhbat: восстановление пароля");
        assertThat(received.getContent().toString()).contains("Здравствуйте, ivan!").contains("reset-password?token=ru")
                .contains("30 минут");
    }

    @Test
    void aFailedDeliveryDoesNotRevealTheLink() {
        AccountMailPort unreachable = mail(1);

        assertThatThrownBy(() -> unreachable.sendPasswordReset(new EmailAddress("a@example.uz"), new Username("aaa"),
                "https://x/reset-password?token=SECRET", "en"))
                .hasMessageNotContaining("SECRET").hasMessageNotContaining("a@example.uz");
    }
}

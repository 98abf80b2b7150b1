package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The language a user picks with the switch is kept on their account: their other devices show it
 * whatever those browsers ask for, and the mail we send them is written in it.
 */
class LanguagesEndToEndTest extends EndToEndTest {

    @Autowired
    DSLContext db;

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /**
     * The newest mail to an address with this subject (any subject when null), waiting up to 10 s for it: account mail
     * goes out after the answer, off the request's thread.
     */
    private static MimeMessage mailTo(String address, String subject) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            MimeMessage[] received = MAIL.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) {
                if (Arrays.stream(received[i].getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address))
                        && (subject == null || subject.equals(received[i].getSubject()))) {
                    return received[i];
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no mail to " + address + (subject == null ? "" : " with the subject " + subject));
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aLanguagePickedOnOneDeviceIsShownOnAnotherAndInTheMail() throws Exception {
        // the phone's browser asks for English (the test driver always sends Accept-Language: en)
        AccountsDriver phone = new AccountsDriver(url(""), MAIL);
        assertThat(location(phone.register("Dilfuza", "dilfuza@example.uz", "a long passphrase 40"))).endsWith("/login?registered");
        assertThat(mailTo("dilfuza@example.uz", "Suhbat: confirm your e-mail address").getSubject()).as("registered on an English page").isEqualTo("Suhbat: confirm your e-mail address");
        assertThat(phone.get(phone.linkPathMailedTo("dilfuza@example.uz")).body()).contains("E-mail confirmed");
        assertThat(location(phone.login("dilfuza", "a long passphrase 40"))).endsWith("/");

        HttpResponse<String> picked = phone.get("/profile?lang=uz-Cyrl");
        assertThat(picked.body()).contains("<html lang=\"uz-Cyrl\"").contains("Ҳисобни ўчириш")
                .contains("aria-current=\"true\" hreflang=\"uz-Cyrl\" lang=\"uz-Cyrl\">Ўзбекча</a>");
        assertThat(db.fetchValue("select language from user where username = 'Dilfuza'")).isEqualTo("uz-Cyrl");

        // the office computer: a new browser, also asking for English, with no cookie of the phone's
        AccountsDriver office = new AccountsDriver(url(""), MAIL);
        assertThat(office.get("/login").body()).as("signed out, the browser decides").contains("Log in to your account");
        assertThat(location(office.login("dilfuza", "a long passphrase 40"))).endsWith("/");
        assertThat(office.get("/profile").body()).as("signed in, the account decides")
                .contains("<html lang=\"uz-Cyrl\"").contains("Олдинги суҳбатлар").doesNotContain("Previous chats");

        // a new address is confirmed by a mail in the chosen language, sent from the office computer
        assertThat(location(office.submit("/profile", "/profile", "username", "Dilfuza", "email", "dilfuza.new@example.uz")))
                .endsWith("/profile");
        MimeMessage verification = mailTo("dilfuza.new@example.uz", null);
        assertThat(verification.getSubject()).isEqualTo("Suhbat: электрон почтангизни тасдиқланг");
        assertThat(verification.getContent().toString()).contains("Ассалому алайкум, Dilfuza!").contains("/verify?token=");

        // and so is a password reset asked for from a signed-out English page
        AccountsDriver stranger = new AccountsDriver(url(""), MAIL);
        stranger.submit("/forgot-password", "/forgot-password", "email", "dilfuza@example.uz");
        assertThat(mailTo("dilfuza@example.uz", "Suhbat: паролни тиклаш").getSubject()).isEqualTo("Suhbat: паролни тиклаш");

        // picking Russian on the office computer reaches the phone too
        assertThat(office.get("/profile?lang=ru").body()).contains("<html lang=\"ru\"").contains("Удаление учётной записи");
        assertThat(phone.get("/profile").body()).contains("<html lang=\"ru\"").contains("Прошлые чаты");
    }

    @Test
    void anUnknownLanguageChangesNothing() {
        AccountsDriver browser = new AccountsDriver(url(""), MAIL);
        assertThat(location(browser.register("lang_timur", "lang-timur@example.uz", "a long passphrase 41"))).endsWith("/login?registered");
        assertThat(location(browser.login("lang_timur", "a long passphrase 41"))).endsWith("/");

        assertThat(browser.get("/profile?lang=de").body()).contains("<html lang=\"en\"");
        assertThat(db.fetchValue("select language from user where username = 'lang_timur'")).isEqualTo("en");
    }
}

package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;

/** With no APP_BASE_URL, the links sent by mail point at the port the app listens on, not at 8080. */
class MailLinkPortEndToEndTest {

    private final Path data = StandaloneSuhbat.newDataFolder("mail-port");
    private final FakeOpenAi openAi = FakeOpenAi.start();
    private final GreenMail mail = StandaloneSuhbat.startMail();

    @AfterEach
    void stopFakes() {
        openAi.close();
        mail.stop();
        StandaloneSuhbat.deleteQuietly(data);
    }

    @Test
    void theVerificationLinkUsesTheServerPortWhenNoBaseUrlIsSet() throws Exception {
        int port = freePort();
        try (StandaloneSuhbat app = StandaloneSuhbat.start(data, openAi, mail, "SERVER_PORT=" + port, "APP_BASE_URL=")) {
            AccountsDriver user = new AccountsDriver(app.url(""), mail);
            user.register("portlink", "portlink@example.uz", "a long passphrase for the port");

            assertThat(mail.waitForIncomingEmail(30_000, 1)).isTrue();
            MimeMessage sent = mail.getReceivedMessages()[0];
            Matcher link = Pattern.compile("http://localhost:(\\d+)(/verify\\?token=[A-Za-z0-9_-]+)").matcher(sent.getContent().toString());
            assertThat(link.find()).as("a verification link in the mail").isTrue();
            assertThat(Integer.parseInt(link.group(1))).isEqualTo(port);
            // and the link works as mailed: the account is confirmed, so it can sign in
            assertThat(user.get(link.group(2)).statusCode()).isLessThan(400);
            user.login("portlink", "a long passphrase for the port");
            assertThat(user.api("GET", "/api/chats", null).statusCode()).isEqualTo(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

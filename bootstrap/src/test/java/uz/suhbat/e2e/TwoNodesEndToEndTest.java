package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.adapter.out.ai.fake.Reply;

/**
 * Two Suhbat nodes on one database behind a round-robin proxy, started at the same time: every
 * request of a browser goes to the other node than the one before, as behind a load balancer
 * without sticky sessions.
 */
class TwoNodesEndToEndTest {

    static final FakeOpenAi OPENAI = FakeOpenAi.start();
    static final GreenMail MAIL = startMail();
    static Cluster cluster;

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    @BeforeAll
    static void startNodes() {
        cluster = Cluster.start("two-nodes", 2, OPENAI, MAIL, null);
    }

    @AfterAll
    static void stopNodes() {
        if (cluster != null) {
            cluster.close();
        }
        OPENAI.close();
        MAIL.stop();
    }

    static AccountsDriver browser() {
        return new AccountsDriver(cluster.url(""), MAIL);
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** Registers, follows the mailed link and signs in, each step on whichever node the proxy picks. */
    static AccountsDriver signedUpAndIn(String name) {
        AccountsDriver browser = browser();
        assertThat(location(browser.register(name, name + "@example.uz", "a long passphrase for " + name)))
                .as("the registration form of one node posted to the other").endsWith("/login?registered");
        assertThat(browser.get(browser.linkPathMailedTo(name + "@example.uz")).body()).contains("E-mail confirmed");
        assertThat(location(browser.login(name, "a long passphrase for " + name))).as("signed in").endsWith("/");
        return browser;
    }

    /** A GET sent straight to node {@code node} with this browser's cookies. */
    static HttpResponse<String> getOn(int node, AccountsDriver browser, String path) {
        try {
            return browser.client().send(HttpRequest.newBuilder(URI.create(cluster.url(path)))
                    .header(RoundRobinProxy.ROUTE_HEADER, String.valueOf(node)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyFormAndApiCallWorksWhicheverNodeServesIt() {
        int[] before = {cluster.proxy().served(0), cluster.proxy().served(1)};
        AccountsDriver user = signedUpAndIn("roundrobin");
        for (int i = 0; i < 4; i++) {
            assertThat(user.get("/profile").statusCode()).as("the session is known to both nodes").isEqualTo(200);
        }
        // the profile form: its CSRF token comes from one node, the post goes to the other
        HttpResponse<String> saved = user.submit("/profile", "/profile", "username", "roundrobin2", "email", "roundrobin@example.uz");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(user.get("/profile").body()).as("the flash message of one node shown by the other").contains("roundrobin2");

        OPENAI.enqueue(Reply.answer("Salom!", 2, Duration.ZERO));
        HttpResponse<String> chat = user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Salom\"}");
        assertThat(chat.statusCode()).as("an API call with the CSRF header of the other node").isEqualTo(200);
        assertThat(AccountsDriver.events(chat.body()).getLast().name()).isEqualTo("done");
        assertThat(cluster.proxy().served(0) - before[0]).isGreaterThan(3);
        assertThat(cluster.proxy().served(1) - before[1]).isGreaterThan(3);
    }

    @Test
    void logoutEndsTheSessionOnEveryNode() {
        AccountsDriver user = signedUpAndIn("leaver");
        assertThat(getOn(0, user, "/profile").statusCode()).isEqualTo(200);
        assertThat(getOn(1, user, "/profile").statusCode()).isEqualTo(200);
        String session = user.cookie("JSESSIONID");

        assertThat(location(user.submit("/profile", "/logout"))).endsWith("/login?logout");

        for (int node = 0; node < 2; node++) {
            HttpClient stranger = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            try {
                HttpResponse<String> replay = stranger.send(HttpRequest.newBuilder(URI.create(cluster.url("/profile")))
                        .header("Cookie", "JSESSIONID=" + session).header(RoundRobinProxy.ROUTE_HEADER, String.valueOf(node)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(replay.statusCode()).as("the old session id on node " + node).isEqualTo(302);
                assertThat(location(replay)).endsWith("/login");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void tenRoundsOfTwoSimultaneousRequestsWithTheSameCookiesNeverSignTheUserOut() throws Exception {
        AccountsDriver user = signedUpAndIn("twotabs");
        assertThat(user.cookie("suhbat_device")).isNotNull();
        for (int round = 0; round < 10; round++) {
            user.forgetSession(); // both requests come back on the device cookie alone and rotate its token
            var first = user.client().sendAsync(HttpRequest.newBuilder(URI.create(cluster.url("/profile")))
                    .header(RoundRobinProxy.ROUTE_HEADER, "0").GET().build(), HttpResponse.BodyHandlers.ofString());
            var second = user.client().sendAsync(HttpRequest.newBuilder(URI.create(cluster.url("/profile")))
                    .header(RoundRobinProxy.ROUTE_HEADER, "1").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(first.get().statusCode()).as("round " + round + ", node 0").isEqualTo(200);
            assertThat(second.get().statusCode()).as("round " + round + ", node 1").isEqualTo(200);
            user.forgetSession();
            assertThat(user.get("/profile").statusCode()).as("round " + round + ": the cookie the browser kept still works")
                    .isEqualTo(200);
        }
    }

    /** The browser is signed out: both nodes send it to the login page. */
    static void assertSignedOutEverywhere(AccountsDriver browser, String who) {
        for (int node = 0; node < 2; node++) {
            HttpResponse<String> page = getOn(node, browser, "/profile");
            assertThat(page.statusCode()).as(who + " on node " + node).isEqualTo(302);
            assertThat(location(page)).as(who + " on node " + node).contains("/login");
        }
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionAndDeviceOnEveryNode() {
        AccountsDriver laptop = signedUpAndIn("mover");
        AccountsDriver phone = browser();
        assertThat(location(phone.login("mover", "a long passphrase for mover"))).endsWith("/");
        AccountsDriver phoneCookieOnly = phone.withOnlyDeviceCookie();
        assertThat(getOn(0, phone, "/profile").statusCode()).isEqualTo(200);
        assertThat(getOn(1, phone, "/profile").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = laptop.submit("/profile", "/profile/password", "currentPassword", "a long passphrase for mover",
                "newPassword", "another long passphrase");
        assertThat(location(changed)).endsWith("/profile");

        assertSignedOutEverywhere(phone, "the phone's live session");
        assertSignedOutEverywhere(phoneCookieOnly, "the phone's device cookie");
        assertThat(getOn(0, laptop, "/profile").statusCode()).as("the laptop that changed it goes on").isEqualTo(200);
        assertThat(getOn(1, laptop, "/profile").statusCode()).isEqualTo(200);
        laptop.forgetSession();
        assertThat(laptop.get("/profile").statusCode()).as("and stays remembered").isEqualTo(200);
    }

    @Test
    void signingOutOtherDevicesEndsTheirLiveSessionsOnEveryNode() {
        AccountsDriver laptop = signedUpAndIn("careful");
        AccountsDriver phone = browser();
        assertThat(location(phone.login("careful", "a long passphrase for careful"))).endsWith("/");
        assertThat(phone.get("/profile").statusCode()).isEqualTo(200);

        assertThat(location(laptop.submit("/profile", "/profile/devices/sign-out-others"))).endsWith("/profile");

        assertSignedOutEverywhere(phone, "the other browser");
        assertThat(getOn(0, laptop, "/profile").statusCode()).isEqualTo(200);
        assertThat(getOn(1, laptop, "/profile").statusCode()).isEqualTo(200);
    }
}

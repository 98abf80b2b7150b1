package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
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
    static final GreenMail MAIL = StandaloneSuhbat.startMail();
    static Cluster cluster;

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

    @Test
    void signingOutOneDeviceEndsItsLiveSessionOnEveryNode() {
        AccountsDriver laptop = signedUpAndIn("onedevice");
        AccountsDriver phone = browser();
        assertThat(location(phone.login("onedevice", "a long passphrase for onedevice"))).endsWith("/");
        assertThat(getOn(0, phone, "/profile").statusCode()).isEqualTo(200);
        assertThat(getOn(1, phone, "/profile").statusCode()).isEqualTo(200);
        java.util.regex.Matcher other = java.util.regex.Pattern.compile("action=\"(/profile/devices/\\d+/sign-out)\"")
                .matcher(laptop.get("/profile").body());
        assertThat(other.find()).as("the phone in the laptop's list of devices").isTrue();

        assertThat(location(laptop.submit("/profile", other.group(1)))).endsWith("/profile");

        assertSignedOutEverywhere(phone, "the signed-out phone's live session");
        assertThat(getOn(0, laptop, "/profile").statusCode()).as("the laptop goes on").isEqualTo(200);
        assertThat(getOn(1, laptop, "/profile").statusCode()).isEqualTo(200);
    }

    /** A login form posted through the proxy as if from {@code clientAddress} (the proxy adds its own hop). */
    static HttpResponse<String> loginFrom(AccountsDriver browser, String clientAddress, String name, String password) {
        String token = AccountsDriver.csrfOf(browser.get("/login").body());
        String form = "_csrf=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8) + "&username=" + name
                + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
        try {
            return browser.client().send(HttpRequest.newBuilder(URI.create(cluster.url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", clientAddress)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFailedLoginAllowanceIsTheSameOnTwoNodesAsOnOne() {
        signedUpAndIn("guessed");
        AccountsDriver attacker = browser();
        for (int i = 0; i < 5; i++) {
            assertThat(location(loginFrom(attacker, "198.51.100." + i, "guessed", "wrong guess " + i))).as("guess " + i)
                    .endsWith("/login?error");
        }
        HttpResponse<String> sixth = loginFrom(attacker, "198.51.100.99", "guessed", "wrong guess 6");
        assertThat(sixth.statusCode()).as("five failures spread over two nodes count as five").isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void anAttackerCannotLockTheOwnerOutOfABrowserThatSignedInBefore() {
        AccountsDriver owner = signedUpAndIn("lockedout");
        assertThat(owner.cookie(KNOWN)).as("the known-device cookie").isNotNull();
        assertThat(location(owner.submit("/profile", "/logout"))).endsWith("/login?logout");

        AccountsDriver attacker = browser();
        for (int i = 0; i < 8; i++) {
            loginFrom(attacker, "198.51.101." + i, "lockedout", "wrong guess " + i);
        }
        assertThat(loginFrom(browser(), "192.0.2.10", "lockedout", "a long passphrase for lockedout").statusCode())
                .as("a browser the owner never used waits").isEqualTo(429);

        HttpResponse<String> back = loginFrom(owner, "192.0.2.10", "lockedout", "a long passphrase for lockedout");
        assertThat(location(back)).as("the owner's own browser signs in").endsWith("/");
        assertThat(owner.get("/profile").statusCode()).isEqualTo(200);
    }

    static final String KNOWN = "suhbat_known";

    @Test
    void registrationIsLimitedPerForwardedClientAddress() {
        AccountsDriver flooder = browser();
        int accepted = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 25 && (last == null || last.statusCode() != 429); i++) {
            String token = AccountsDriver.csrfOf(flooder.get("/register").body());
            String form = "_csrf=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8) + "&username=flood" + i
                    + "&email=flood" + i + "%40example.uz&password=a+long+passphrase+" + i;
            try {
                last = flooder.client().send(HttpRequest.newBuilder(URI.create(cluster.url("/register")))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "203.0.113.50").header("Accept-Language", "en")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (last.statusCode() == 302) {
                accepted++;
            }
        }
        assertThat(accepted).as("the free registrations of one address, counted by both nodes together").isEqualTo(20);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.body()).contains("Too many attempts from your network");

        AccountsDriver neighbour = browser();
        String token = AccountsDriver.csrfOf(neighbour.get("/register").body());
        try {
            HttpResponse<String> other = neighbour.client().send(HttpRequest.newBuilder(URI.create(cluster.url("/register")))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "203.0.113.51")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)
                            + "&username=neighbour&email=neighbour%40example.uz&password=a+long+passphrase+n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).as("another client address behind the same proxy").isEqualTo(302);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void behindAnHttpsProxyTheCookiesAreSecureAndHstsIsSent() throws Exception {
        signedUpAndIn("secured");
        AccountsDriver browser = browser();
        String token = AccountsDriver.csrfOf(browser.get("/login").body());
        HttpResponse<String> https = browser.client().send(HttpRequest.newBuilder(URI.create(cluster.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").header(RoundRobinProxy.PROTO_HEADER, "https")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)
                        + "&username=secured&password=a+long+passphrase+for+secured")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(location(https)).endsWith("/");
        java.util.List<String> cookies = https.headers().allValues("Set-Cookie");
        assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=") || c.startsWith("suhbat_device=") || c.startsWith(KNOWN + "="))
                .hasSize(3).allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));
        assertThat(https.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=");

        HttpResponse<String> plain = browser().get("/login");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
    }

    @Test
    void stopSentToTheOtherNodeEndsTheAnswerWithinASecondKeepingWhatArrived() throws Exception {
        AccountsDriver user = signedUpAndIn("stopanywhere");
        OPENAI.enqueue(Reply.answer("Birinchi javob"));
        long chatId = Long.parseLong(AccountsDriver.events(user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Bir\"}")
                .body()).getFirst().data().replaceAll(".*\"chatId\":(\\d+).*", "$1"));
        Reply.Gated gated = Reply.gated("Yarim ", "qolgani hech qachon kelmaydi");
        OPENAI.enqueue(gated);
        String csrf = user.csrfToken();

        HttpResponse<java.util.stream.Stream<String>> streaming = user.client().send(HttpRequest.newBuilder(
                        URI.create(cluster.url("/api/chats/" + chatId + "/messages")))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream").header("X-CSRF-TOKEN", csrf)
                .header(RoundRobinProxy.ROUTE_HEADER, "0")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"Ikki\"}")).build(), HttpResponse.BodyHandlers.ofLines());
        java.util.Iterator<String> lines = streaming.body().iterator();
        java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        while (received.stream().noneMatch(line -> line.contains("Yarim")) && lines.hasNext()) {
            received.add(lines.next());
        }
        java.util.concurrent.CompletableFuture<Void> rest = java.util.concurrent.CompletableFuture.runAsync(() -> lines.forEachRemaining(received::add));
        try {
            long pressed = System.nanoTime();
            HttpResponse<String> stop = user.client().send(HttpRequest.newBuilder(URI.create(cluster.url("/api/chats/" + chatId + "/stop")))
                    .header("X-CSRF-TOKEN", csrf).header(RoundRobinProxy.ROUTE_HEADER, "1")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stop.statusCode()).isEqualTo(204);

            assertThat(rest).as("the answer on node 0 ends after Stop on node 1").succeedsWithin(Duration.ofSeconds(2));
            assertThat(Duration.ofNanos(System.nanoTime() - pressed)).isLessThan(Duration.ofSeconds(2));
            assertThat(String.join("\n", received)).contains("Yarim").doesNotContain("qolgani").doesNotContain("event:done");
            awaitInterrupted(user, chatId);
        } finally {
            gated.next(1);
        }
    }

    @Test
    void aPdfModelMadeOnOneNodeIsAskedThroughBothAndOnceDeletedTheOtherNodeStopsServingItWithinASecond(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        AccountsDriver admin = new AccountsDriver(cluster.url(""), MAIL);
        admin.submit("/admin/login", "/admin/login", "username", EndToEndTest.ADMIN_USERNAME, "password", EndToEndTest.ADMIN_PASSWORD);
        AccountsDriver user = signedUpAndIn("pdfreader");
        long id = PdfModels.launched(admin, "Registan report", uz.suhbat.adapter.out.ai.fake.TestPdfs.withPages(dir.resolve("facts.pdf"),
                uz.suhbat.adapter.out.ai.fake.FactsDocument.pages()));
        var question = uz.suhbat.adapter.out.ai.fake.FactsDocument.questions().get(5);

        // the first question on node 0, the next on node 1: each node searches the model's passages it loaded itself
        OPENAI.enqueue(Reply.answer("Zavod 2019-yil 14-sentabrda ochilgan (7-sahifa).", 3, Duration.ZERO));
        java.util.List<AccountsDriver.Event> first = AccountsDriver.events(apiOn(0, user, "POST", "/api/chats",
                "{\"model\":\"pdf-" + id + "\",\"content\":\"" + question.text() + "\"}").body());
        assertThat(first).extracting(AccountsDriver.Event::name).startsWith("chat", "sources").endsWith("done");
        assertThat(first.get(1).data()).contains("\"page\":" + question.page());
        long chatId = Long.parseLong(first.get(0).data().replaceAll(".*\"chatId\":(\\d+).*", "$1"));
        OPENAI.enqueue(Reply.answer("Yana 7-sahifada.", 2, Duration.ZERO));
        java.util.List<AccountsDriver.Event> second = AccountsDriver.events(apiOn(1, user, "POST", "/api/chats/" + chatId + "/messages",
                "{\"content\":\"" + question.text() + "\"}").body());
        assertThat(second).extracting(AccountsDriver.Event::name).startsWith("sources").endsWith("done");
        uz.suhbat.application.service.knowledge.KnowledgeLibrary onNode1 = cluster.node(1).context()
                .getBean(uz.suhbat.application.service.knowledge.KnowledgeLibrary.class);
        assertThat(onNode1.loaded(id)).as("node 1 holds the passages in memory").isTrue();

        // the admin deletes it through node 0; node 1 drops what it holds within a second and offers it no more
        HttpResponse<String> deleted = admin.submit("/admin/models/" + id, "/admin/models/" + id + "/delete", "confirm", "yes");
        assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/admin/models");
        long deletedAt = System.nanoTime();
        while (onNode1.loaded(id)) {
            assertThat(Duration.ofNanos(System.nanoTime() - deletedAt)).as("node 1 drops the deleted model's passages").isLessThan(Duration.ofSeconds(1));
            Thread.sleep(20);
        }
        assertThat(getOn(1, user, "/api/models").body()).doesNotContain("pdf-" + id);
        HttpResponse<String> refused = apiOn(1, user, "POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Yana bir savol\"}");
        // as on one node: the model is no longer offered (400 unknown_model); the chat itself reads as closed on reload
        assertThat(refused.statusCode()).as("node 1 answers no more from it").isEqualTo(400);
        assertThat(refused.body()).contains("unknown_model");
        HttpResponse<String> fresh = apiOn(1, user, "POST", "/api/chats", "{\"model\":\"pdf-" + id + "\",\"content\":\"Salom\"}");
        assertThat(fresh.statusCode()).isEqualTo(400);
        assertThat(fresh.body()).contains("unknown_model");
    }

    /** A JSON API call sent straight to node {@code node} with this browser's cookies and CSRF token. */
    static HttpResponse<String> apiOn(int node, AccountsDriver browser, String method, String path, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.url(path)))
                    .header(RoundRobinProxy.ROUTE_HEADER, String.valueOf(node)).header("X-CSRF-TOKEN", browser.csrfToken())
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream, application/json");
            request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            return browser.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chat API shows the stopped answer as interrupted, with what arrived. */
    static void awaitInterrupted(AccountsDriver user, long chatId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = user.api("GET", "/api/chats/" + chatId, null).body();
            if (body.contains("interrupted")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(body).contains("Yarim").contains("interrupted");
    }

    @Test
    void anAdminSignedInThroughBothNodesBlocksAUserWhoIsSignedOutOnBothAtOnceAndLogsOutEverywhere() {
        AccountsDriver user = signedUpAndIn("blockme");
        AccountsDriver phone = browser();
        assertThat(location(phone.login("blockme", "a long passphrase for blockme"))).endsWith("/");
        long id = cluster.node(0).context().getBean(org.jooq.DSLContext.class)
                .fetchOne("select id from user where username = 'blockme'").get(0, Long.class);
        AccountsDriver admin = new AccountsDriver(cluster.url(""), MAIL);
        admin.submit("/admin/login", "/admin/login", "username", EndToEndTest.ADMIN_USERNAME, "password", EndToEndTest.ADMIN_PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(admin.get("/admin/users?q=blockme").statusCode()).as("the admin session on both nodes").isEqualTo(200);
        }

        HttpResponse<String> block = admin.submit("/admin/users?q=blockme", "/admin/users/" + id + "/block", "reason", "Spam",
                "returnTo", "/admin/users?q=blockme");
        assertThat(block.statusCode()).isEqualTo(302);

        // the first request of a session after the block ends it everywhere: each browser asks another node
        assertThat(location(getOn(0, user, "/profile"))).as("the blocked user's laptop on node 0").endsWith("/login?blocked");
        assertThat(location(getOn(1, phone, "/profile"))).as("the blocked user's phone on node 1").endsWith("/login?blocked");
        assertThat(location(getOn(1, user, "/profile"))).as("the laptop's ended session on node 1").contains("/login");

        String adminSession = admin.cookie("JSESSIONID");
        assertThat(location(admin.submit("/admin", "/admin/logout"))).endsWith("/admin/login?logout");
        for (int node = 0; node < 2; node++) {
            try {
                HttpResponse<String> replay = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                        .send(HttpRequest.newBuilder(URI.create(cluster.url("/admin/users"))).header("Cookie", "JSESSIONID=" + adminSession)
                                .header(RoundRobinProxy.ROUTE_HEADER, String.valueOf(node)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(location(replay)).as("the admin's old session on node " + node).endsWith("/admin/login");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

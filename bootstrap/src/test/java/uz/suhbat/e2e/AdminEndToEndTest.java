package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPort;

/** The admin panel through HTTP, as a browser uses it: sign-in, the wall against users, blocking, stats, limits, chats and their PDF. */
class AdminEndToEndTest extends EndToEndTest {

    @Autowired
    DSLContext db;

    @Autowired
    ChatLimitPolicyPort limitPolicy;

    private AccountsDriver browser() {
        return new AccountsDriver(url(""), MAIL);
    }

    private AdminFixtures fixtures() {
        return new AdminFixtures(db);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private AccountsDriver signedInAdmin() {
        AccountsDriver admin = browser();
        HttpResponse<String> login = admin.submit("/admin/login", "/admin/login", "username", ADMIN_USERNAME, "password", ADMIN_PASSWORD);
        assertThat(location(login)).endsWith("/admin");
        return admin;
    }

    private AccountsDriver signedUpAndIn(String username, String password) {
        AccountsDriver browser = browser();
        assertThat(location(browser.register(username, username + "@example.uz", password))).endsWith("/login?registered");
        assertThat(location(browser.login(username, password))).endsWith("/");
        return browser;
    }

    @Test
    void theAppsJooqAsksForNoWarningsAfterItsStatements() {
        // a duplicate daily-active-user row leaves a warning on every chat after the first of the day: no SHOW WARNINGS for it
        assertThat(db.settings().isFetchWarnings()).isFalse();
    }

    @Test
    void theMainAdminSignsInWithTheConfiguredCredentialsAndThatIsNoUserSession() {
        AccountsDriver admin = browser();
        assertThat(location(admin.get("/admin"))).endsWith("/admin/login");
        assertThat(location(admin.submit("/admin/login", "/admin/login", "username", ADMIN_USERNAME, "password", "wrong password")))
                .endsWith("/admin/login?error");

        assertThat(location(admin.submit("/admin/login", "/admin/login", "username", ADMIN_USERNAME, "password", ADMIN_PASSWORD)))
                .endsWith("/admin");
        HttpResponse<String> dashboard = admin.get("/admin");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Dashboard").contains(ADMIN_USERNAME);
        assertThat(location(admin.get("/profile"))).as("an admin is not a user").endsWith("/login");

        assertThat(location(admin.submit("/admin", "/admin/logout"))).endsWith("/admin/login?logout");
        assertThat(location(admin.get("/admin"))).endsWith("/admin/login");
    }

    @Test
    void repeatedFailedAdminSignInsAreSlowedDown() {
        AccountsDriver attacker = browser();
        for (int i = 0; i < 3; i++) {
            assertThat(location(attacker.submit("/admin/login", "/admin/login", "username", "ghost", "password", "guess " + i)))
                    .endsWith("/admin/login?error");
        }

        HttpResponse<String> throttled = attacker.submit("/admin/login", "/admin/login", "username", "ghost", "password", "guess 4");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body()).contains("Too many attempts").contains("value=\"ghost\"");
    }

    @Test
    void aSignedInUserGets403OnEveryAdminRoute() {
        AccountsDriver user = signedUpAndIn("nosy", "a long passphrase 21");
        String csrf = AccountsDriver.csrfOf(user.get("/profile").body());
        long chat = fixtures().chat(fixtures().userId("nosy"), "Mine", "gpt-4o-mini", AdminFixtures.nowUtc(), 5, 0, null);

        for (String path : List.of("/admin", "/admin/users", "/admin/chats", "/admin/chats/" + chat, "/admin/chats/" + chat + "/print",
                "/admin/limits", "/admin/audit", "/admin/admins", "/admin/api/stats", "/admin/stats.csv", "/admin/anything")) {
            assertThat(user.get(path).statusCode()).as("GET " + path).isEqualTo(403);
        }
        long self = fixtures().userId("nosy");
        for (String path : List.of("/admin/users/" + self + "/block", "/admin/users/" + self + "/unblock", "/admin/users/" + self + "/limit",
                "/admin/limits", "/admin/chats/" + chat + "/limit", "/admin/admins", "/admin/admins/1/remove")) {
            assertThat(user.postForm(path, Map.of("_csrf", csrf, "chatMessageLimit", "1000", "messageLimit", "1000",
                    "username", "sneaky", "email", "sneaky@example.uz", "password", "a long passphrase 22")).statusCode())
                    .as("POST " + path).isEqualTo(403);
        }
        assertThat(db.fetchValue("select message_limit from chat where id = ?", chat)).isEqualTo(5);
        assertThat(db.fetchExists(db.selectOne().from("admin").where("username = 'sneaky'"))).isFalse();
        // signing out of the admin area ends only an admin session, so for a user it changes nothing
        assertThat(location(user.postForm("/admin/logout", Map.of("_csrf", csrf)))).endsWith("/admin/login?logout");
        assertThat(user.get("/profile").statusCode()).as("the user session goes on").isEqualTo(200);

        AccountsDriver anonymous = browser();
        assertThat(location(anonymous.get("/admin/users"))).endsWith("/admin/login");
        assertThat(anonymous.get("/admin/api/stats").statusCode()).isEqualTo(401);
    }

    @Test
    void statsCountExactlyTheMessagesWrittenToday() {
        AccountsDriver admin = signedInAdmin();
        String today = AdminFixtures.nowUtc().toLocalDate().toString();
        String before = admin.get("/admin/api/stats").body();

        long user = fixtures().user("counted", AdminFixtures.nowUtc());
        long chat = fixtures().chat(user, "Counting", "gpt-4o-mini", AdminFixtures.nowUtc(), 50, 3, null);
        LocalDateTime now = AdminFixtures.nowUtc();
        fixtures().exchange(chat, 1, "Bir", "One", now, "gpt-4o-mini");
        fixtures().exchange(chat, 3, "Ikki", "Two", now, "gpt-4o-mini");
        fixtures().message(chat, 5, "user", "Uch", now, null, null, null);
        fixtures().message(chat, 6, "user", "Kecha", now.minusDays(1), null, null, null);

        HttpResponse<String> response = admin.get("/admin/api/stats");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        String after = response.body();
        assertThat(todays(after, "messages") - todays(before, "messages")).isEqualTo(3);
        assertThat(todays(after, "newUsers") - todays(before, "newUsers")).isEqualTo(1);
        assertThat(todays(after, "outputTokens") - todays(before, "outputTokens")).isEqualTo(80);
        assertThat(total(after, "messages") - total(before, "messages")).isEqualTo(4);
        assertThat(total(after, "chats") - total(before, "chats")).isEqualTo(1);
        assertThat(JsonPath.<List<Object>>read(after, "$.daily")).hasSize(30);
        assertThat(JsonPath.<String>read(after, "$.daily[29].date")).isEqualTo(today);

        HttpResponse<String> csv = admin.get("/admin/stats.csv?from=" + today + "&to=" + today);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(csv.body()).as("headers in the admin's language (English here), the days' zone stated")
                .startsWith("Date,Time zone,Messages,Active users,New users,Input tokens,Output tokens").contains(today + ",UTC,");
        assertThat(admin.get("/admin/api/stats?from=2026-02-30").statusCode()).isEqualTo(400);
    }

    private static long todays(String json, String field) {
        return ((Number) JsonPath.<List<Object>>read(json, "$.daily[-1:]." + field).getFirst()).longValue();
    }

    private static long total(String json, String field) {
        return JsonPath.<Number>read(json, "$.totals." + field).longValue();
    }

    @Test
    void blockingCutsOffTheSessionAndTheRememberedDeviceAtOnceAndUnblockingRestoresLogin() {
        AccountsDriver user = signedUpAndIn("rulebreaker", "a long passphrase 23");
        AccountsDriver phone = user.withOnlyDeviceCookie();
        assertThat(phone.get("/profile").statusCode()).isEqualTo(200);
        long id = fixtures().userId("rulebreaker");
        AccountsDriver admin = signedInAdmin();

        HttpResponse<String> block = admin.submit("/admin/users?q=rulebreaker", "/admin/users/" + id + "/block", "reason", "Spam <b>links</b>",
                "returnTo", "/admin/users?q=rulebreaker");
        assertThat(location(block)).endsWith("/admin/users?q=rulebreaker");

        assertThat(location(user.get("/profile"))).endsWith("/login?blocked");
        assertThat(location(phone.get("/profile"))).endsWith("/login?blocked");
        HttpResponse<String> refused = browser().login("rulebreaker", "a long passphrase 23");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Spam &lt;b&gt;links&lt;/b&gt;");
        assertThat(admin.get("/admin/users?q=rulebreaker").body()).contains("blocked").contains("Spam &lt;b&gt;links&lt;/b&gt;");

        admin.submit("/admin/users?q=rulebreaker", "/admin/users/" + id + "/unblock");
        assertThat(location(browser().login("rulebreaker", "a long passphrase 23"))).endsWith("/");
        assertThat(admin.get("/admin/audit").body()).contains("Blocked a user").contains("Unblocked a user").contains("rulebreaker (#" + id + ")");
    }

    @Test
    void theDefaultLimitIsStoredAndGivenToNewChats() {
        AccountsDriver admin = signedInAdmin();
        long user = fixtures().user("newcomer", AdminFixtures.nowUtc());

        assertThat(admin.submit("/admin/limits", "/admin/limits", "chatMessageLimit", "ten").body()).contains("Enter a whole number");
        assertThat(location(admin.submit("/admin/limits", "/admin/limits", "chatMessageLimit", "77"))).endsWith("/admin/limits");

        assertThat(admin.get("/admin/limits").body()).contains("value=\"77\"");
        assertThat(db.fetchValue("select value from setting where name = 'chat_message_limit'")).isEqualTo("77");
        assertThat(limitPolicy.authorOfNewChat(user).orElseThrow().limitForNewChat().value()).isEqualTo(77);

        admin.submit("/admin/users?q=newcomer", "/admin/users/" + user + "/limit", "messageLimit", "12");
        assertThat(limitPolicy.authorOfNewChat(user).orElseThrow().limitForNewChat().value()).as("a user's own limit wins").isEqualTo(12);
        assertThat(admin.get("/admin/audit").body()).contains("Changed the default chat limit").contains("→ 77");
    }

    @Test
    void aUsersDailyQuotaStopsTheirMessagesOnceUsed_andTheyAreToldWhatIsLeft() {
        AccountsDriver admin = signedInAdmin();
        AccountsDriver user = browser();
        user.register("rationed", "rationed@example.uz", "a long passphrase for rationed");
        user.get(user.linkPathMailedTo("rationed@example.uz"));
        user.login("rationed", "a long passphrase for rationed");
        long userId = fixtures().userId("rationed");
        OPENAI.answerAllWith(request -> "Javob: " + request.lastUserMessage());
        assertThat(user.api("GET", "/api/allowance", null).body()).as("off by default").isEqualTo("{\"today\":null}");

        assertThat(admin.submit("/admin/users?q=rationed", "/admin/users/" + userId + "/quota", "dailyQuota", "2").statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users?q=rationed").body()).contains("name=\"dailyQuota\" type=\"number\" min=\"1\" inputmode=\"numeric\" value=\"2\"");

        List<AccountsDriver.Event> first = AccountsDriver.events(user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Bir\"}").body());
        assertThat(first.get(first.size() - 1).data()).contains("\"today\":{\"quota\":2,\"used\":1,\"left\":1,\"nearlyUsedUp\":true");
        long chatId = Long.parseLong(first.get(0).data().replaceAll("(?s).*\"chatId\":(\\d+).*", "$1"));
        List<AccountsDriver.Event> second = AccountsDriver.events(
                user.api("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Ikki\"}").body());
        assertThat(second.get(second.size() - 1).name()).isEqualTo("done");

        HttpResponse<String> refused = user.api("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Uch\"}");
        HttpResponse<String> refusedNewChat = user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Toʻrt\"}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"error\":\"daily_quota_reached\"").contains("You have used today's message quota");
        assertThat(refusedNewChat.statusCode()).isEqualTo(429);
        assertThat(db.fetchCount(db.selectFrom("chat_history").where("chat_id in (select id from chat where user_id = ?)", userId)))
                .as("nothing of the refused messages was stored").isEqualTo(4);
        assertThat(user.api("GET", "/api/allowance", null).body()).contains("\"quota\":2,\"used\":2,\"left\":0");
        assertThat(user.get("/c/" + chatId).body()).contains("&quot;left&quot;:0").contains("data-quota-used-up=");
        assertThat(admin.get("/admin/audit").body()).contains("Changed a user&#39;s daily quota");

        admin.submit("/admin/users?q=rationed", "/admin/users/" + userId + "/quota", "dailyQuota", "");
        assertThat(user.api("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Uch\"}").statusCode())
                .as("without a quota the user writes again").isEqualTo(200);
    }

    @Test
    void theDefaultDailyQuotaIsOffUntilSet_andABadValueIsExplained() {
        AccountsDriver admin = signedInAdmin();
        try {
            assertThat(admin.get("/admin/limits").body()).contains("id=\"dailyQuota\"").contains("value=\"\"");
            assertThat(admin.submit("/admin/limits", "/admin/limits/quota", "dailyQuota", "0").body())
                    .contains("Enter a whole number from 1 to 100000, or leave it empty");
            assertThat(location(admin.submit("/admin/limits", "/admin/limits/quota", "dailyQuota", "500"))).endsWith("/admin/limits");
            assertThat(db.fetchValue("select value from setting where name = 'daily_message_quota'")).isEqualTo("500");
            assertThat(admin.get("/admin/limits").body()).contains("value=\"500\"");
        } finally {
            admin.submit("/admin/limits", "/admin/limits/quota", "dailyQuota", "");
        }
        assertThat(db.fetchCount(db.selectFrom("setting").where("name = 'daily_message_quota'"))).isZero();
        assertThat(admin.get("/admin/audit").body()).contains("Changed the default daily quota").contains("500 → —");
    }

    @Test
    void raisingOneChatsLimitReopensIt() {
        AccountsDriver admin = signedInAdmin();
        long user = fixtures().user("talkative", AdminFixtures.nowUtc());
        long chat = fixtures().chat(user, "Full chat", "gpt-4o-mini", AdminFixtures.nowUtc(), 2, 2, "limit");

        HttpResponse<String> raised = admin.submit("/admin/chats/" + chat, "/admin/chats/" + chat + "/limit", "messageLimit", "5");

        assertThat(location(raised)).endsWith("/admin/chats/" + chat);
        var row = db.fetchSingle("select message_limit, closed_reason from chat where id = ?", chat);
        assertThat(row.get(0, Integer.class)).isEqualTo(5);
        assertThat(row.get(1)).isNull();
        assertThat(admin.get("/admin/chats/" + chat).body()).contains("The chat is open for new messages");
    }

    @Test
    void theChatPagesShowEveryMessageEscaped() {
        AccountsDriver admin = signedInAdmin();
        long user = fixtures().user("writer", AdminFixtures.nowUtc());
        long chat = fixtures().chat(user, "Tarix <i>savollari</i>", "gpt-4o", AdminFixtures.nowUtc(), 50, 2, null);
        fixtures().exchange(chat, 1, "Oʻzbekiston poytaxti qaysi? <script>alert(1)</script>", "Столица — Ташкент.", AdminFixtures.nowUtc(), "gpt-4o");

        HttpResponse<String> print = admin.get("/admin/chats/" + chat + "/print");
        assertThat(print.statusCode()).isEqualTo(200);
        assertThat(print.body()).contains("Oʻzbekiston poytaxti qaysi? &lt;script&gt;alert(1)&lt;/script&gt;").contains("Столица — Ташкент.")
                .contains("Tarix &lt;i&gt;savollari&lt;/i&gt;").contains("writer").contains("gpt-4o").doesNotContain("<script>alert");
        assertThat(admin.get("/admin/chats/" + chat).body()).contains("Столица — Ташкент.").contains("name=\"_csrf\"");
        assertThat(admin.get("/admin/chats?text=poytaxti").body()).contains("/admin/chats/" + chat + "\"");
        assertThat(admin.get("/admin/chats?user=nobody-like-this").body()).doesNotContain("/admin/chats/" + chat + "\"");
        assertThat(admin.get("/admin/chats/999999").statusCode()).isEqualTo(404);

        HttpResponse<byte[]> pdf = bytes(admin, "/admin/chats/" + chat + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(pdfText(pdf.body())).contains("Oʻzbekiston poytaxti qaysi? <script>alert(1)</script>").contains("Столица — Ташкент.");
        assertThat(pdfText(bytes(admin, "/admin/users/" + user + "/chats.pdf").body())).contains("Tarix <i>savollari</i>");

        // issue 16: the export speaks the admin's language, the one they chose with the switch, on any device
        admin.get("/admin?lang=ru");
        try {
            String russian = pdfText(bytes(admin, "/admin/chats/" + chat + "/pdf").body());
            assertThat(russian).contains("Пользователь").contains("Модель").contains("Часовой пояс").doesNotContain("Foydalanuvchi");
            admin.get("/admin?lang=uz");
            assertThat(pdfText(bytes(admin, "/admin/chats/" + chat + "/pdf").body())).contains("Foydalanuvchi").doesNotContain("Пользователь");
        } finally {
            // the main admin is shared by every test: back to "the browser decides"
            db.execute("update admin set language = null where username = ?", ADMIN_USERNAME);
        }
    }

    /** A download with the admin's session cookie, as bytes. */
    private HttpResponse<byte[]> bytes(AccountsDriver admin, String path) {
        try {
            return newClient().send(HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", "JSESSIONID=" + admin.cookie("JSESSIONID"))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theMainAdminAddsAndRemovesAdminsButStays() {
        AccountsDriver main = signedInAdmin();
        assertThat(location(main.submit("/admin/admins", "/admin/admins", "username", "helper", "email", "helper@example.uz",
                "password", "helper passphrase 1"))).endsWith("/admin/admins");

        AccountsDriver helper = browser();
        assertThat(location(helper.submit("/admin/login", "/admin/login", "username", "helper", "password", "helper passphrase 1")))
                .endsWith("/admin");
        assertThat(helper.get("/admin/admins").body()).contains("Only the main admin can add or remove admins.");
        long mainId = db.fetchSingle("select id from admin where main = true").get(0, Long.class);
        assertThat(helper.submit("/admin/admins", "/admin/admins/" + mainId + "/remove").statusCode()).isEqualTo(302);
        assertThat(db.fetchExists(db.selectOne().from("admin").where("main = true"))).isTrue();

        long helperId = db.fetchSingle("select id from admin where username = 'helper'").get(0, Long.class);
        main.submit("/admin/admins", "/admin/admins/" + mainId + "/remove");
        main.submit("/admin/admins", "/admin/admins/" + helperId + "/remove");
        assertThat(db.fetchExists(db.selectOne().from("admin").where("main = true"))).isTrue();
        assertThat(db.fetchExists(db.selectOne().from("admin").where("username = 'helper'"))).isFalse();
        assertThat(location(helper.get("/admin"))).as("a removed admin is shut out at once").endsWith("/admin/login");
        assertThat(main.get("/admin/audit").body()).contains("Added an admin").contains("Removed an admin");
    }
}

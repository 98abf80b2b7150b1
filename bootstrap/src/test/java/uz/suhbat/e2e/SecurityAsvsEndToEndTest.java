package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uz.suhbat.adapter.out.ai.fake.Reply;

/**
 * The outside-in security suite, OWASP ASVS 5.0 chapters the app already meets (docs/security.md, cases V1–V9):
 * authentication (V6), session management (V7), authorization (V8), input handling and output encoding (V1), web
 * frontend security (V3, CSRF and headers). Each test attacks the running app over HTTP like an outsider would.
 */
class SecurityAsvsEndToEndTest extends EndToEndTest {

    private static final Pattern CHAT_ID = Pattern.compile("\"chatId\":(\\d+)");

    @Autowired
    DSLContext db;

    private AccountsDriver browser() {
        return new AccountsDriver(url(""), MAIL);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Override
    protected AccountsDriver verifiedUser(String name) {
        AccountsDriver browser = browser();
        browser.register(name, name + "@example.uz", "a long passphrase for " + name);
        browser.get(browser.linkPathMailedTo(name + "@example.uz"));
        assertThat(location(browser.login(name, "a long passphrase for " + name))).endsWith("/");
        return browser;
    }

    private AccountsDriver admin() {
        AccountsDriver admin = browser();
        assertThat(location(admin.submit("/admin/login", "/admin/login", "username", ADMIN_USERNAME, "password", ADMIN_PASSWORD)))
                .endsWith("/admin");
        return admin;
    }

    private long newChat(AccountsDriver user, String content) {
        OPENAI.enqueue(Reply.answer("Javob"));
        Matcher id = CHAT_ID.matcher(user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"" + content + "\"}").body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    /** V1 (ASVS 8.2.2, 8.3.1): no route of another user's chat answers anything but 404, whatever the method. */
    @Test
    void v1_anotherUsersChatIsUnreachableByEveryRoute() {
        AccountsDriver owner = verifiedUser("v1_owner");
        AccountsDriver other = verifiedUser("v1_other");
        long chatId = newChat(owner, "Maxfiy savol");
        int asked = OPENAI.requests().size();

        assertThat(other.api("GET", "/api/chats/" + chatId, null).statusCode()).isEqualTo(404);
        assertThat(other.api("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(other.api("POST", "/api/chats/" + chatId + "/regenerate", null).statusCode()).isEqualTo(404);
        assertThat(other.api("PATCH", "/api/chats/" + chatId, "{\"title\":\"mine\"}").statusCode()).isEqualTo(404);
        assertThat(other.api("DELETE", "/api/chats/" + chatId, null).statusCode()).isEqualTo(404);
        assertThat(other.api("POST", "/api/chats/" + chatId + "/stop", null).statusCode()).isIn(204, 404);
        assertThat(other.get("/c/" + chatId).statusCode()).isEqualTo(404);
        assertThat(other.get("/c/" + chatId + "/messages/2/sources/1").statusCode()).isEqualTo(404);
        assertThat(other.get("/c/" + chatId).body()).doesNotContain("Maxfiy savol");
        assertThat(OPENAI.requests()).as("no upstream call on another's chat").hasSize(asked);
        assertThat(owner.api("GET", "/api/chats/" + chatId, null).body()).contains("Maxfiy savol").doesNotContain("mine");
    }

    /** V2 (ASVS 8.2.1): a signed-in user reaches no admin page, API or action; an admin session is no user session. */
    @Test
    void v2_usersReachNoAdminRouteAndAdminsAreNoUsers() {
        AccountsDriver user = verifiedUser("v2_user");
        long id = db.fetchSingle("select id from user where username = 'v2_user'").get(0, Long.class);
        for (String path : List.of("/admin", "/admin/users", "/admin/chats", "/admin/audit", "/admin/admins", "/admin/models",
                "/admin/limits", "/admin/stats.csv", "/admin/api/stats", "/admin/users/" + id + "/chats.pdf")) {
            HttpResponse<String> page = user.get(path);
            assertThat(page.statusCode()).as(path).isIn(302, 401, 403);
            assertThat(location(page)).as(path).satisfiesAnyOf(l -> assertThat(l).isEmpty(), l -> assertThat(l).endsWith("/admin/login"));
        }
        String token = user.csrfToken();
        HttpResponse<String> selfUnblock = user.postForm("/admin/users/" + id + "/limit", Map.of("_csrf", token, "messageLimit", "100000"));
        assertThat(selfUnblock.statusCode()).isIn(302, 401, 403);
        assertThat(location(selfUnblock)).doesNotEndWith("/admin/users");
        assertThat(db.fetchSingle("select message_limit from user where id = ?", id).get(0)).isNull();

        AccountsDriver admin = admin();
        assertThat(admin.get("/api/chats").statusCode()).as("an admin is not a user").isEqualTo(401);
        assertThat(location(admin.get("/profile"))).endsWith("/login");
    }

    /** V3 (ASVS 3.5.1): state-changing requests need the CSRF token: forms (user and admin) and the API; nothing changes without it. */
    @Test
    void v3_everyStateChangeNeedsTheCsrfToken() throws Exception {
        AccountsDriver user = verifiedUser("v3_user");
        long chatId = newChat(user, "Salom");
        long id = db.fetchSingle("select id from user where username = 'v3_user'").get(0, Long.class);

        assertThat(user.postForm("/profile", Map.of("username", "v3_renamed", "email", "v3@example.uz")).statusCode()).isEqualTo(403);
        assertThat(user.postForm("/profile/password", Map.of("currentPassword", "a long passphrase for v3_user", "newPassword", "x y z w v u"))
                .statusCode()).isEqualTo(403);
        assertThat(user.postForm("/profile/delete", Map.of("password", "a long passphrase for v3_user")).statusCode()).isEqualTo(403);
        assertThat(user.postForm("/profile/delete", Map.of("_csrf", "forged-token", "password", "a long passphrase for v3_user")).statusCode())
                .isEqualTo(403);
        for (String[] call : new String[][] {{"DELETE", "/api/chats/" + chatId}, {"PATCH", "/api/chats/" + chatId},
                {"POST", "/api/chats/" + chatId + "/messages"}, {"POST", "/api/chats"}}) {
            HttpRequest forged = HttpRequest.newBuilder(URI.create(url(call[1]))).header("Content-Type", "application/json")
                    .header("X-CSRF-TOKEN", "forged").method(call[0], HttpRequest.BodyPublishers.ofString("{\"title\":\"x\",\"content\":\"x\",\"model\":\"gpt-4o-mini\"}"))
                    .build();
            assertThat(user.client().send(forged, HttpResponse.BodyHandlers.ofString()).statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
        }
        AccountsDriver admin = admin();
        assertThat(admin.postForm("/admin/users/" + id + "/block", Map.of("reason", "csrf")).statusCode()).isEqualTo(403);

        assertThat(db.fetchSingle("select username, blocked from user where id = ?", id).intoArray()).containsExactly("v3_user", false);
        assertThat(user.api("GET", "/api/chats/" + chatId, null).statusCode()).as("the chat is still there").isEqualTo(200);
    }

    /** V4 (ASVS 1.2.1, 1.3.x): what users and admins write is shown escaped on every server-rendered page. */
    @Test
    void v4_userAndAdminTextIsEscapedInPages() {
        String xss = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        AccountsDriver user = verifiedUser("v4_user");
        long chatId = newChat(user, xss.replace("\"", "\\\""));
        long id = db.fetchSingle("select id from user where username = 'v4_user'").get(0, Long.class);

        assertThat(user.get("/profile").body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(user.get("/c/" + chatId).body()).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
        AccountsDriver admin = admin();
        assertThat(admin.get("/admin/chats/" + chatId).body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
        assertThat(admin.get("/admin/chats?text=" + URLEncoder.encode(xss, StandardCharsets.UTF_8)).body()).doesNotContain("<script>alert(1)");

        String token = AccountsDriver.csrfOf(admin.get("/admin/users").body());
        admin.postForm("/admin/users/" + id + "/block", Map.of("_csrf", token, "reason", xss));
        HttpResponse<String> login = browser().login("v4_user", "a long passphrase for v4_user");
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
        assertThat(admin.get("/admin/users?q=v4_user").body()).doesNotContain("<script>alert(1)");
        assertThat(admin.get("/admin/audit").body()).doesNotContain("<script>alert(1)");
    }

    /** V5 (ASVS 1.2.4): SQL in search fields and parameters is data: no error, no extra rows, the tables stay. */
    @Test
    void v5_sqlInjectionAttemptsAreData() {
        verifiedUser("v5_user");
        AccountsDriver admin = admin();
        int users = db.fetchCount(db.selectFrom("user"));
        for (String attack : List.of("' OR '1'='1", "%' OR 1=1 -- ", "\\' OR 1=1#", "'; DROP TABLE user; -- ", "\" OR \"\"=\"",
                "1 UNION SELECT password FROM admin -- ", "%", "%_%")) {
            String q = URLEncoder.encode(attack, StandardCharsets.UTF_8);
            HttpResponse<String> search = admin.get("/admin/users?q=" + q);
            assertThat(search.statusCode()).as(attack).isEqualTo(200);
            assertThat(search.body()).as(attack).doesNotContain("v5_user");
            assertThat(admin.get("/admin/chats?user=" + q + "&text=" + q + "&model=" + q).statusCode()).as(attack).isEqualTo(200);
            assertThat(admin.get("/admin/users?sort=" + q + "&dir=" + q).statusCode()).as(attack).isEqualTo(200);
        }
        HttpResponse<String> login = browser().login("' OR '1'='1' -- ", "' OR '1'='1' -- ");
        assertThat(location(login)).endsWith("/login?error");
        assertThat(browser().get("/api/chats/1%20OR%201=1").statusCode()).isIn(400, 401, 404);
        assertThat(db.fetchCount(db.selectFrom("user"))).isEqualTo(users);
    }

    /** V6 (ASVS 6.3.8, 6.2.x): a wrong password and an unknown user get the same answer; passwords are stored as Argon2id hashes. */
    @Test
    void v6_signInDoesNotTellWhichPartWasWrong() {
        verifiedUser("v6_user");
        HttpResponse<String> wrongPassword = browser().login("v6_user", "not the password 1");
        HttpResponse<String> unknownUser = browser().login("v6_nobody", "not the password 1");
        assertThat(wrongPassword.statusCode()).isEqualTo(unknownUser.statusCode());
        assertThat(location(wrongPassword)).isEqualTo(location(unknownUser)).endsWith("/login?error");
        assertThat(db.fetchSingle("select password from user where username = 'v6_user'").get(0, String.class)).startsWith("{argon2");
    }

    /** V7 (ASVS 7.2.4, 7.4.1): a new session id at sign-in (no fixation); sign-out ends the session and the device cookie. */
    @Test
    void v7_theSessionIsRenewedAtSignInAndEndedAtSignOut() {
        AccountsDriver user = browser();
        user.register("v7_user", "v7_user@example.uz", "a long passphrase v7");
        user.get(user.linkPathMailedTo("v7_user@example.uz"));
        user.get("/login");
        String before = user.cookie("JSESSIONID");
        assertThat(location(user.login("v7_user", "a long passphrase v7"))).endsWith("/");
        String after = user.cookie("JSESSIONID");
        assertThat(after).isNotBlank().isNotEqualTo(before);

        AccountsDriver thief = browser();
        java.net.HttpCookie stolen = new java.net.HttpCookie("JSESSIONID", after);
        stolen.setPath("/");
        stolen.setVersion(0);
        HttpResponse<String> signOut = user.submit("/profile", "/logout");
        assertThat(location(signOut)).endsWith("/login?logout");
        HttpRequest withStolenCookie = HttpRequest.newBuilder(URI.create(url("/profile"))).header("Cookie", "JSESSIONID=" + after).GET().build();
        try {
            HttpResponse<String> replay = thief.client().send(withStolenCookie, HttpResponse.BodyHandlers.ofString());
            assertThat(replay.statusCode()).as("the old session id no longer works").isEqualTo(302);
            assertThat(location(replay)).endsWith("/login");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(user.cookie("suhbat_device")).as("the device cookie is cleared").isNullOrEmpty();
    }

    /** V8 (ASVS 3.3.x, 3.4.x): cookies are HttpOnly and SameSite; pages carry a strict CSP, no framing, nosniff. */
    @Test
    void v8_cookiesAndSecurityHeaders() {
        AccountsDriver user = browser();
        user.register("v8_user", "v8_user@example.uz", "a long passphrase v8");
        user.get(user.linkPathMailedTo("v8_user@example.uz"));
        user.get("/login");
        HttpResponse<String> login = user.login("v8_user", "a long passphrase v8");
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=") || c.startsWith("suhbat_device="))
                .isNotEmpty().allMatch(c -> c.contains("HttpOnly") && c.contains("SameSite=Lax"));

        HttpResponse<String> page = user.get("/");
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(admin().get("/admin").headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    /** V9 (ASVS 2.2.1, 1.5.x): oversize and malformed input gets a 4xx with a reason and stores nothing. */
    @Test
    void v9_oversizeAndMalformedInputIsRefusedWithAReason() {
        AccountsDriver user = verifiedUser("v9_user");
        String huge = "x".repeat(32_001);
        HttpResponse<String> tooLong = user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"" + huge + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"error\":\"invalid_content\"");
        assertThat(user.api("POST", "/api/chats", "[1,2,3]").statusCode()).isEqualTo(400);
        assertThat(user.api("POST", "/api/chats", "{\"model\":{\"$ne\":1},\"content\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(user.api("GET", "/api/chats/99999999999999999999", null).statusCode()).isIn(400, 404);
        assertThat(user.api("GET", "/api/chats", null).body()).isEqualTo("[]");
        HttpResponse<String> badRegistration = browser().register("v9_" + "n".repeat(300), "v9@example.uz", "a long passphrase v9");
        assertThat(badRegistration.statusCode()).isEqualTo(200);
        assertThat(badRegistration.body()).contains("class=\"field-error\"").doesNotContain("Exception");
        assertThat(db.fetchCount(db.selectFrom("user").where("email = 'v9@example.uz'"))).isZero();
    }
}

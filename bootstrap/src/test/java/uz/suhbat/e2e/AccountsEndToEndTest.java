package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AccountsEndToEndTest extends EndToEndTest {

    @Autowired
    DSLContext db;

    private AccountsDriver browser() {
        return new AccountsDriver(url(""), MAIL);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** Registers, follows the mailed link and logs in; returns the signed-in browser. */
    private AccountsDriver signedUpAndIn(String username, String password) {
        AccountsDriver browser = browser();
        assertThat(location(browser.register(username, username + "@example.uz", password))).endsWith("/login?registered");
        assertThat(browser.get(browser.linkPathMailedTo(username + "@example.uz")).body()).contains("E-mail confirmed");
        assertThat(location(browser.login(username, password))).endsWith("/");
        return browser;
    }

    @Test
    void registerReceiveMailVerifyAndLogIn() {
        AccountsDriver browser = browser();
        HttpResponse<String> registered = browser.register("Nodira", "nodira@example.uz", "a long passphrase 1");
        assertThat(registered.statusCode()).isEqualTo(302);

        HttpResponse<String> beforeVerifying = browser.login("nodira", "a long passphrase 1");
        assertThat(location(beforeVerifying)).endsWith("/");
        assertThat(browser.get("/").body()).as("an unverified user is told why and can ask again").contains("confirm your e-mail address first")
                .contains("action=\"/verify/resend\"");

        String link = browser.linkPathMailedTo("nodira@example.uz");
        assertThat(link).startsWith("/verify?token=");
        assertThat(browser.get(link).body()).contains("E-mail confirmed");
        assertThat(browser.get(link).body()).as("the link works once").contains("This link does not work");

        assertThat(browser.get("/").body()).contains("Welcome, Nodira").doesNotContain("confirm your e-mail address first");
        String hash = db.fetchOne("select password from user where username = 'Nodira'").get(0, String.class);
        assertThat(hash).startsWith("{argon2").doesNotContain("a long passphrase 1");
    }

    @Test
    void invalidRegistrationsAreExplainedAndKeepTheInput() {
        AccountsDriver browser = browser();
        browser.register("taken_name", "taken@example.uz", "a long passphrase 2");

        HttpResponse<String> again = browser.register("TAKEN_NAME", "not-an-address", "password");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("This username is taken.").contains("Enter a valid e-mail address")
                .contains("This password is too common").contains("value=\"TAKEN_NAME\"").contains("value=\"not-an-address\"")
                .doesNotContain("value=\"password\"");
    }

    @Test
    void extraFieldsPostedByAClientAreIgnored() {
        AccountsDriver browser = browser();
        String token = AccountsDriver.csrfOf(browser.get("/register").body());
        browser.postForm("/register", Map.of("_csrf", token, "username", "sneaky", "email", "sneaky@example.uz",
                "password", "a long passphrase 3", "email_verified", "true", "emailVerified", "true", "blocked", "false",
                "id", "999999", "role", "admin"));

        var row = db.fetchOne("select email_verified, id from user where username = 'sneaky'");
        assertThat(row.get(0, Boolean.class)).isFalse();
        assertThat(row.get(1, Long.class)).isNotEqualTo(999999L);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        HttpResponse<String> forged = browser().postForm("/register", Map.of("username", "forged", "email", "forged@example.uz",
                "password", "a long passphrase 4"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(db.fetchExists(db.selectOne().from("user").where("username = 'forged'"))).isFalse();
    }

    @Test
    void aRememberedDeviceStaysSignedInFor2DaysAfterItsLastVisit() {
        AccountsDriver laptop = signedUpAndIn("remembered", "a long passphrase 5");
        String cookie = laptop.cookie("suhbat_device");
        assertThat(cookie).isNotBlank();

        AccountsDriver sameDeviceLater = laptop.withOnlyDeviceCookie();
        HttpResponse<String> home = sameDeviceLater.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Welcome, remembered");
        assertThat(home.headers().allValues("Set-Cookie")).as("the token is replaced on use")
                .anyMatch(c -> c.startsWith("suhbat_device=") && !c.startsWith("suhbat_device=" + cookie + ";"))
                .anyMatch(c -> c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Max-Age=172800"));

        db.execute("update device_login set last_used = last_used - interval 2 day - interval 1 minute, "
                + "rotated = rotated - interval 2 day - interval 1 minute where user_id = (select id from user where username = 'remembered')");
        AccountsDriver afterTwoDaysAway = sameDeviceLater.withOnlyDeviceCookie();
        assertThat(location(afterTwoDaysAway.get("/"))).endsWith("/login");
    }

    @Test
    void aResetLinkWorksOnceAndEndsEveryOtherSessionAndDevice() {
        AccountsDriver laptop = signedUpAndIn("forgetful", "a long passphrase 6");
        AccountsDriver phone = laptop.withOnlyDeviceCookie();
        assertThat(phone.get("/").statusCode()).isEqualTo(200);

        AccountsDriver helper = browser();
        HttpResponse<String> asked = helper.submit("/forgot-password", "/forgot-password", "email", "forgetful@example.uz");
        assertThat(asked.body()).contains("If an account uses this address");
        HttpResponse<String> unknown = helper.submit("/forgot-password", "/forgot-password", "email", "nobody-here@example.uz");
        assertThat(unknown.body()).as("the same answer for an unknown address").contains("If an account uses this address");

        String link = helper.linkPathMailedTo("forgetful@example.uz", "/reset-password");
        assertThat(link).startsWith("/reset-password?token=");
        String token = link.substring(link.indexOf('=') + 1);
        assertThat(location(helper.submit(link, "/reset-password", "token", token, "password", "a fresh passphrase 7"))).endsWith("/login?reset");
        assertThat(helper.get(link).body()).as("the link works once").contains("This link does not work");

        assertThat(location(laptop.get("/profile"))).endsWith("/login?ended");
        assertThat(location(phone.withOnlyDeviceCookie().get("/"))).endsWith("/login");
        assertThat(location(browser().login("forgetful", "a long passphrase 6"))).endsWith("/login?error");
        assertThat(location(browser().login("forgetful", "a fresh passphrase 7"))).endsWith("/");
    }

    @Test
    void profileEditPasswordChangeAndDelete() {
        AccountsDriver browser = signedUpAndIn("editor", "a long passphrase 8");
        assertThat(browser.get("/profile").body()).contains("editor@example.uz").contains("Signed-in devices");

        HttpResponse<String> edited = browser.submit("/profile", "/profile", "username", "editor2", "email", "editor-new@example.uz");
        assertThat(location(edited)).endsWith("/profile");
        String profile = browser.get("/profile").body();
        assertThat(profile).contains("editor2").contains("E-mail waiting for confirmation").contains("editor-new@example.uz");
        assertThat(browser.get(browser.linkPathMailedTo("editor-new@example.uz")).body()).contains("E-mail confirmed");
        assertThat(browser.get("/profile").body()).doesNotContain("E-mail waiting for confirmation").contains("editor-new@example.uz");

        HttpResponse<String> wrong = browser.submit("/profile", "/profile/password", "currentPassword", "nope", "newPassword", "another passphrase 9");
        assertThat(wrong.body()).contains("Wrong password.");
        assertThat(location(browser.submit("/profile", "/profile/password", "currentPassword", "a long passphrase 8",
                "newPassword", "another passphrase 9"))).endsWith("/profile");
        assertThat(location(browser().login("editor2", "another passphrase 9"))).endsWith("/");

        AccountsDriver otherDevice = browser().withOnlyDeviceCookie();
        assertThat(browser.submit("/profile", "/profile/delete", "password", "wrong").body()).contains("Wrong password.");
        assertThat(location(browser.submit("/profile", "/profile/delete", "password", "another passphrase 9"))).endsWith("/login?deleted");
        assertThat(db.fetchExists(db.selectOne().from("user").where("username = 'editor2'"))).isFalse();
        assertThat(location(browser.get("/"))).endsWith("/login");
        assertThat(location(otherDevice.get("/"))).endsWith("/login");
    }

    @Test
    void aBlockedUserIsCutOffMidSessionAndToldWhyAtLogin() {
        AccountsDriver browser = signedUpAndIn("troublemaker", "a long passphrase 10");
        AccountsDriver phone = browser.withOnlyDeviceCookie();
        assertThat(phone.get("/").statusCode()).isEqualTo(200);

        db.execute("update user set blocked = true, blocked_reason = 'Spam links' where username = 'troublemaker'");

        assertThat(location(browser.get("/profile"))).endsWith("/login?blocked");
        assertThat(browser.get("/login?blocked").body()).as("the reload shows the block and its reason at once")
                .contains("role=\"alert\"").contains("Your account is blocked.").contains("Spam links");
        assertThat(location(phone.get("/"))).endsWith("/login?blocked");
        assertThat(phone.get("/login?blocked").body()).as("a remembered device too").contains("Your account is blocked.")
                .contains("Spam links");
        HttpResponse<String> login = browser().login("troublemaker", "a long passphrase 10");
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.body()).contains("Your account is blocked.").contains("Spam links");
    }

    @Test
    void repeatedFailedLoginsAreSlowedDown() {
        browser().register("target", "target@example.uz", "a long passphrase 11");
        AccountsDriver attacker = browser();
        for (int i = 0; i < 5; i++) {
            assertThat(location(attacker.login("target", "guess-" + i))).endsWith("/login?error");
        }
        HttpResponse<String> throttled = attacker.login("target", "guess-6");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body()).contains("Too many attempts");
    }

    /** Two tabs of one browser on one node: both come back on the device cookie at the same moment and rotate its token. */
    @Test
    void tenRoundsOfTwoSimultaneousRequestsWithTheSameCookiesNeverSignTheUserOutOnOneNode() throws Exception {
        AccountsDriver user = verifiedUser("twotabsonenode");
        assertThat(user.cookie("suhbat_device")).isNotNull();
        for (int round = 0; round < 10; round++) {
            user.forgetSession();
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/profile"))).GET().build();
            var first = user.client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
            var second = user.client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
            assertThat(first.get().statusCode()).as("round " + round + ", first tab").isEqualTo(200);
            assertThat(second.get().statusCode()).as("round " + round + ", second tab").isEqualTo(200);
            user.forgetSession();
            assertThat(user.get("/profile").statusCode()).as("round " + round + ": the cookie the browser kept still works").isEqualTo(200);
        }
        assertThat(user.get("/profile").body()).as("and no device was taken for stolen").contains("twotabsonenode");
    }
}

package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uz.suhbat.adapter.out.ai.fake.Reply;

/**
 * The outside-in security suite, bad input (docs/security.md, cases B1–B5): what used to answer 500 answers 4xx with a
 * clear message, or the normal page, and never leaves an action half done; titles are never cut inside a character.
 */
class SecurityBadInputEndToEndTest extends EndToEndTest {

    private static final Pattern CHAT_ID = Pattern.compile("\"chatId\":(\\d+)");

    @Autowired
    DSLContext db;

    private AccountsDriver browser() {
        return new AccountsDriver(url(""), MAIL);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private AccountsDriver admin() {
        AccountsDriver admin = browser();
        assertThat(location(admin.submit("/admin/login", "/admin/login", "username", ADMIN_USERNAME, "password", ADMIN_PASSWORD)))
                .endsWith("/admin");
        return admin;
    }

    /** B1: page numbers past the end, up to Integer.MAX_VALUE, show an empty page instead of overflowing the SQL offset. */
    @Test
    void b1_hugePageNumbersAreNotA500() {
        AccountsDriver admin = admin();
        for (String path : List.of("/admin/audit?page=2147483647", "/admin/users?page=2147483647", "/admin/chats?page=2147483647",
                "/admin/audit?page=-2147483648", "/admin/audit?page=99999")) {
            HttpResponse<String> page = admin.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> notANumber = admin.get("/admin/audit?page=99999999999");
        assertThat(notANumber.statusCode()).as("a page number that is no int").isEqualTo(400);
    }

    /** B2: dates far outside any usage (even the smallest LocalDate) answer 400 with the rule, in the API and the CSV. */
    @Test
    void b2_farAwayDatesAnswer400WithTheRule() {
        AccountsDriver admin = admin();
        for (String query : List.of("to=-999999999-01-01", "from=-999999999-01-01&to=-999999999-01-02", "from=+999999999-12-30",
                "to=+999999999-12-31", "from=1000-01-01&to=1000-01-02", "from=9999-12-30&to=9999-12-31")) {
            HttpResponse<String> api = admin.get("/admin/api/stats?" + query);
            assertThat(api.statusCode()).as(query).isEqualTo(400);
            assertThat(api.body()).as(query).contains("\"error\":\"invalid_range\"").contains("2000-01-01");
            assertThat(admin.get("/admin/stats.csv?" + query).statusCode()).as(query).isEqualTo(400);
            HttpResponse<String> dashboard = admin.get("/admin?" + query);
            assertThat(dashboard.statusCode()).as(query).isEqualTo(200);
        }
        assertThat(admin.get("/admin?to=-999999999-01-01").body()).contains("Choose dates between 2000-01-01 and 2999-12-31.");
        assertThat(admin.get("/admin/chats?from=-999999999-01-01&to=%2B999999999-12-31").statusCode()).isEqualTo(200);
    }

    /** B3: a returnTo with CR/LF is refused with 400 before the action: the user is not blocked, and nothing is audited. */
    @Test
    void b3_aReturnAddressWithLineBreaksIsRefusedBeforeTheActionIsApplied() {
        browser().register("b3_target", "b3-target@example.uz", "a long passphrase b3");
        long id = db.fetchSingle("select id from user where username = 'b3_target'").get(0, Long.class);
        int audited = db.fetchCount(db.selectFrom("admin_audit"));
        AccountsDriver admin = admin();
        String token = AccountsDriver.csrfOf(admin.get("/admin/users").body());

        for (String action : List.of("block", "limit", "quota", "unblock")) {
            HttpResponse<String> refused = admin.postForm("/admin/users/" + id + "/" + action, Map.of("_csrf", token, "reason", "spam",
                    "messageLimit", "7", "dailyQuota", "3", "returnTo", "/admin/users?q=x\r\nSet-Cookie: evil=1"));
            assertThat(refused.statusCode()).as(action).isEqualTo(400);
            assertThat(refused.body()).as(action).contains("Nothing was changed.");
            assertThat(refused.headers().allValues("Set-Cookie")).as(action).noneMatch(c -> c.startsWith("evil"));
        }
        var row = db.fetchOne("select blocked, message_limit, daily_quota from user where id = ?", id);
        assertThat(row.get(0, Boolean.class)).as("not blocked").isFalse();
        assertThat(row.get(1)).as("no own chat limit").isNull();
        assertThat(row.get(2)).as("no own daily quota").isNull();
        assertThat(db.fetchCount(db.selectFrom("admin_audit"))).as("nothing audited").isEqualTo(audited);

        HttpResponse<String> fine = admin.postForm("/admin/users/" + id + "/block",
                Map.of("_csrf", token, "reason", "spam", "returnTo", "/admin/users?q=b3&sort=registered&dir=desc&page=1"));
        assertThat(location(fine)).endsWith("/admin/users?q=b3&sort=registered&dir=desc&page=1");
        HttpResponse<String> elsewhere = admin.postForm("/admin/users/" + id + "/unblock",
                Map.of("_csrf", token, "returnTo", "//evil.test/admin/users"));
        assertThat(elsewhere.statusCode()).isIn(302, 400);
        assertThat(location(elsewhere)).doesNotContain("evil.test");
    }

    /** B4: a first message of emoji gets a title cut between characters: no lone surrogate, stored and read back intact. */
    @Test
    void b4_titlesAreNeverCutInsideAnEmoji() {
        AccountsDriver user = verifiedUser("b4_emoji");
        OPENAI.enqueue(Reply.answer("Ok"));
        String first = "a".repeat(59) + "😀".repeat(20);
        HttpResponse<String> sent = user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"" + first + "\"}");
        Matcher id = CHAT_ID.matcher(sent.body());
        assertThat(id.find()).isTrue();
        String stored = db.fetchSingle("select title from chat where id = ?", Long.parseLong(id.group(1))).get(0, String.class);
        assertThat(stored).isEqualTo("a".repeat(59) + "…").doesNotContain("?");

        String renamed = "b".repeat(199) + "😀😀";
        assertThat(user.api("PATCH", "/api/chats/" + id.group(1), "{\"title\":\"" + renamed + "\"}").statusCode()).isEqualTo(200);
        assertThat(db.fetchSingle("select title from chat where id = ?", Long.parseLong(id.group(1))).get(0, String.class))
                .isEqualTo("b".repeat(199));
    }
}

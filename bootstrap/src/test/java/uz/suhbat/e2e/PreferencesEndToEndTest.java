package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.Reply;

/** Issue 16 over HTTP: custom instructions reach the upstream request of a new chat (and not when off); themes are kept. */
class PreferencesEndToEndTest extends EndToEndTest {

    private static final Pattern CHAT_ID = Pattern.compile("\"chatId\":(\\d+)");

    private long newChat(AccountsDriver user, String question) {
        OPENAI.enqueue(Reply.answer("Javob."));
        List<AccountsDriver.Event> events = AccountsDriver.events(
                user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"" + question + "\"}").body());
        assertThat(events.getLast().name()).isEqualTo("done");
        Matcher id = CHAT_ID.matcher(events.getFirst().data());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void customInstructionsAreInTheUpstreamRequestOfANewChatWhileOn_andNotWhenOff() {
        AccountsDriver user = verifiedUser("instructed");
        HttpResponse<String> saved = user.submit("/profile", "/profile/instructions", "aboutYou", "I teach physics in Namangan.",
                "howToAnswer", "Answer in two sentences.", "enabled", "true");
        assertThat(location(saved)).contains("/profile");
        String profile = user.get("/profile").body();
        assertThat(profile).contains("Your instructions are saved.").contains("I teach physics in Namangan.")
                .contains("What should Suhbat know about you?").contains("How should Suhbat answer?");

        int before = OPENAI.requests().size();
        long chat = newChat(user, "Nega osmon moviy?");
        RecordedRequest on = OPENAI.requests().get(before);
        assertThat(on.messages().getFirst().role()).isEqualTo("system");
        assertThat(on.messages().getFirst().content()).contains("I teach physics in Namangan.").contains("Answer in two sentences.");
        assertThat(on.messages().getLast().content()).isEqualTo("Nega osmon moviy?");
        assertThat(OPENAI.violations()).isEmpty();

        user.submit("/profile", "/profile/instructions", "aboutYou", "I teach physics in Namangan.", "howToAnswer",
                "Answer in two sentences.");
        assertThat(user.get("/profile").body()).doesNotContain("name=\"enabled\" value=\"true\" checked");
        int beforeOff = OPENAI.requests().size();
        newChat(user, "Quyosh nega sariq?");
        RecordedRequest off = OPENAI.requests().get(beforeOff);
        assertThat(off.messages()).extracting(RecordedRequest.Message::role).containsExactly("user");
        assertThat(off.body().toString()).doesNotContain("Namangan");

        OPENAI.enqueue(Reply.answer("Yana."));
        user.api("POST", "/api/chats/" + chat + "/messages", "{\"content\":\"Yana bir savol\"}");
        assertThat(OPENAI.requests().getLast().messages().getFirst().content())
                .as("the chat begun with them keeps them").contains("I teach physics in Namangan.");
    }

    @Test
    void tooLongInstructionsAreRefusedWithTheTextKept() {
        AccountsDriver user = verifiedUser("wordy");
        String tooLong = "x".repeat(1501);
        user.submit("/profile", "/profile/instructions", "aboutYou", tooLong, "howToAnswer", "short", "enabled", "true");
        String page = user.get("/profile").body();
        assertThat(page).contains("Too long: at most 1,500 characters.").contains(tooLong).contains("aria-invalid=\"true\"");
        assertThat(user.get("/profile").body()).as("nothing was saved").doesNotContain(tooLong);
    }

    @Test
    void theThemeIsSavedPerUserAndSetOnEveryPage() {
        AccountsDriver user = verifiedUser("nightowl");
        AccountsDriver other = verifiedUser("earlybird");
        assertThat(user.get("/").body()).contains("data-theme=\"system\"");

        user.submit("/profile", "/profile/theme", "theme", "dark");

        assertThat(user.get("/").body()).contains("data-theme=\"dark\"");
        assertThat(user.get("/profile").body()).contains("data-theme=\"dark\"").contains("value=\"dark\" class=\"button small\" title=\"Dark\" aria-pressed=\"true\"");
        assertThat(other.get("/").body()).contains("data-theme=\"system\"");
        user.submit("/profile", "/profile/theme", "theme", "purple");
        assertThat(user.get("/").body()).as("an unknown theme changes nothing").contains("data-theme=\"dark\"");
    }

    @Test
    void anAdminsThemeIsSavedWithTheAdminAndShownOnAdminPages() {
        AccountsDriver admin = new AccountsDriver(url(""), MAIL);
        admin.submit("/admin/login", "/admin/login", "username", ADMIN_USERNAME, "password", ADMIN_PASSWORD);
        assertThat(admin.get("/admin/users").body()).contains("data-theme=\"system\"");

        HttpResponse<String> chosen = admin.submit("/admin/users", "/admin/theme", "theme", "light", "back", "/admin/users?q=x");

        assertThat(location(chosen)).endsWith("/admin/users?q=x");
        assertThat(admin.get("/admin").body()).contains("data-theme=\"light\"");
        assertThat(location(admin.submit("/admin", "/admin/theme", "theme", "dark", "back", "https://evil.example/")))
                .as("only a local page to go back to").endsWith("/admin");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.jooq.DSLContext db;

    @Test
    void timesAreWrittenInTheViewersTimeZoneAndThePageSaysWhich() {
        AccountsDriver user = verifiedUser("traveller");
        db.execute("update user set date = '2026-11-20 22:30:00' where username = 'traveller'");
        String utc = user.get("/profile").body();
        assertThat(utc).contains("Nov 20, 2026, 10:30").contains("Times are shown in the UTC time zone.");

        java.net.HttpCookie zone = new java.net.HttpCookie("suhbat_tz", "Asia%2FTashkent");
        zone.setPath("/");
        zone.setVersion(0);
        ((java.net.CookieManager) user.client().cookieHandler().orElseThrow()).getCookieStore()
                .add(java.net.URI.create(url("")), zone);
        String tashkent = user.get("/profile").body();
        assertThat(tashkent).as("22:30 UTC is 03:30 the next day in Tashkent (UTC+5)").contains("Nov 21, 2026, 3:30")
                .contains("Times are shown in the Asia/Tashkent time zone.");

        zone.setValue("Not%2FA_Zone");
        ((java.net.CookieManager) user.client().cookieHandler().orElseThrow()).getCookieStore()
                .add(java.net.URI.create(url("")), zone);
        assertThat(user.get("/profile").body()).as("an unknown zone is UTC").contains("Nov 20, 2026, 10:30");
    }
}

package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.Reply;

/** Titles, search, pin and archive, share links, feedback and "download my data", through the JSON API and the pages. */
class ConversationControlsEndToEndTest extends EndToEndTest {

    private static final Pattern CHAT_ID = Pattern.compile("\"chatId\":(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([A-Za-z0-9_-]+)\"");

    private static long newChat(AccountsDriver user, String question, String answer) {
        OPENAI.enqueue(Reply.answer(answer, 2, Duration.ZERO));
        HttpResponse<String> started = user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"" + question + "\"}");
        assertThat(started.body()).contains("event:done");
        Matcher m = CHAT_ID.matcher(started.body());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private AccountsDriver admin() {
        AccountsDriver admin = new AccountsDriver(url(""), MAIL);
        admin.submit("/admin/login", "/admin/login", "username", ADMIN_USERNAME, "password", ADMIN_PASSWORD);
        return admin;
    }

    @Test
    void afterTheFirstAnswerTheTitleModelNamesTheChatAndTheUsersNameWins() {
        AccountsDriver user = verifiedUser("titled");
        OPENAI.route(TITLE_MODEL, request -> Reply.answer("\"Samarqand me'moriy obidalari\"", 3, Duration.ofMillis(30)));
        try {
            long chatId = newChat(user, "Samarqandda qaysi binolarni ko'rish kerak?", "Registon maydoni va Go'ri Amir maqbarasi.");

            awaitTrue("the model's title", Duration.ofSeconds(10),
                    () -> user.api("GET", "/api/chats", null).body().contains("\"title\":\"Samarqand me'moriy obidalari\""));
            assertThat(user.api("GET", "/api/chats", null).body()).contains("\"titlePending\":false");
            RecordedRequest titleRequest = OPENAI.routed().get(OPENAI.routed().size() - 1);
            assertThat(titleRequest.model()).isEqualTo(TITLE_MODEL);
            assertThat(titleRequest.messages()).extracting(RecordedRequest.Message::content)
                    .contains("Samarqandda qaysi binolarni ko'rish kerak?", "Registon maydoni va Go'ri Amir maqbarasi.");
            assertThat(OPENAI.violations()).isEmpty();

            assertThat(user.api("PATCH", "/api/chats/" + chatId, "{\"title\":\"Mening sayohatim\"}").statusCode()).isEqualTo(200);
            OPENAI.enqueue(Reply.answer("Ha.", 1, Duration.ZERO));
            user.api("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Yana?\"}");
            assertThat(user.api("GET", "/api/chats/" + chatId, null).body()).contains("\"title\":\"Mening sayohatim\"");
        } finally {
            withTitleRoute(OPENAI);
        }
        // the default route fails: the first words of the question stay
        long plain = newChat(user, "Toshkent metrosi qachon ochilgan?", "1977-yilda.");
        awaitTrue("the failed title request is over", Duration.ofSeconds(10),
                () -> !user.api("GET", "/api/chats", null).body().contains("\"titlePending\":true"));
        assertThat(user.api("GET", "/api/chats/" + plain, null).body()).contains("\"title\":\"Toshkent metrosi qachon ochilgan?\"");
    }

    @Test
    void searchFindsTheUsersChatByAWordOfAnAnswerWhateverTheApostrophe() {
        AccountsDriver user = verifiedUser("seeker");
        AccountsDriver stranger = verifiedUser("onlooker");
        long chatId = newChat(user, "Tarix haqida", "Buyuk Ipak yoʻli Samarqanddan oʻtgan.");
        newChat(user, "Plov", "Guruch va sabzi.");
        newChat(stranger, "Begona", "Ipak yo'li begona suhbatda.");

        HttpResponse<String> found = user.api("GET", "/api/search?q=" + java.net.URLEncoder.encode("ipak yo'li", StandardCharsets.UTF_8), null);

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("\"chatId\":" + chatId).contains("\"rank\":2").contains("\"match\":\"Ipak yoʻli\"")
                .contains("\"before\":\"Buyuk \"").doesNotContain("begona");
        assertThat(user.api("GET", "/api/search?q=x", null).body()).isEqualTo("[]");
        assertThat(user.api("GET", "/api/search?q=" + java.net.URLEncoder.encode("100%_", StandardCharsets.UTF_8), null).body())
                .isEqualTo("[]");
    }

    @Test
    void pinnedChatsComeFirstAndArchivedOnesMoveToTheProfile() {
        AccountsDriver user = verifiedUser("shelver");
        AccountsDriver stranger = verifiedUser("shelfpeek");
        long first = newChat(user, "Birinchi", "1");
        long second = newChat(user, "Ikkinchi", "2");

        assertThat(user.api("PUT", "/api/chats/" + first + "/pin", null).statusCode()).isEqualTo(204);
        assertThat(stranger.api("PUT", "/api/chats/" + second + "/pin", null).statusCode()).isEqualTo(404);
        String list = user.api("GET", "/api/chats", null).body();
        assertThat(list.indexOf("\"id\":" + first)).isLessThan(list.indexOf("\"id\":" + second));
        assertThat(list).contains("\"pinned\":true");

        assertThat(user.api("PUT", "/api/chats/" + second + "/archive", null).statusCode()).isEqualTo(204);
        assertThat(user.api("GET", "/api/chats", null).body()).doesNotContain("\"id\":" + second);
        assertThat(user.api("GET", "/api/chats/archived", null).body()).contains("\"id\":" + second);
        String profile = user.get("/profile").body();
        assertThat(profile).contains("id=\"archived-heading\"").contains("/profile/chats/" + second + "/unarchive");

        user.submit("/profile", "/profile/chats/" + second + "/unarchive");
        assertThat(user.api("GET", "/api/chats", null).body()).contains("\"id\":" + second);
        assertThat(user.api("DELETE", "/api/chats/" + first + "/pin", null).statusCode()).isEqualTo(204);
        assertThat(user.api("GET", "/api/chats", null).body()).doesNotContain("\"pinned\":true");
    }

    @Test
    void aShareLinkShowsTheChatAsItWasToAnyoneUntilRevokedOrSwitchedOff() {
        AccountsDriver user = verifiedUser("sharer");
        AccountsDriver stranger = verifiedUser("sharepeek");
        long chatId = newChat(user, "Ulashiladigan savol", "Ulashiladigan **javob**.");

        assertThat(stranger.api("POST", "/api/chats/" + chatId + "/share", null).statusCode()).isEqualTo(404);
        HttpResponse<String> shared = user.api("POST", "/api/chats/" + chatId + "/share", null);
        assertThat(shared.statusCode()).isEqualTo(201);
        Matcher token = TOKEN.matcher(shared.body());
        assertThat(token.find()).isTrue();
        String path = "/s/" + token.group(1);
        assertThat(user.api("GET", "/api/chats/" + chatId + "/share", null).body()).contains(path);
        OPENAI.enqueue(Reply.answer("Keyingi javob.", 1, Duration.ZERO));
        user.api("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Keyingi savol\"}");

        java.net.http.HttpClient nobody = newClient();
        HttpResponse<String> page = get(nobody, path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Robots-Tag")).contains("noindex, nofollow");
        assertThat(page.body()).contains("<meta name=\"robots\" content=\"noindex, nofollow\">").contains("Ulashiladigan savol")
                .contains("Ulashiladigan **javob**.").doesNotContain("Keyingi").doesNotContain("sharer");
        assertThat(get(nobody, "/s/" + "A".repeat(32)).statusCode()).isEqualTo(404);

        AccountsDriver admin = admin();
        admin.submit("/admin", "/admin/sharing", "enabled", "false");
        assertThat(get(nobody, path).statusCode()).as("sharing off").isEqualTo(404);
        HttpResponse<String> refused = user.api("POST", "/api/chats/" + chatId + "/share", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("sharing_disabled");
        admin.submit("/admin", "/admin/sharing", "enabled", "true");
        assertThat(get(nobody, path).statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/audit").body()).contains("Turned sharing on or off");

        assertThat(user.api("DELETE", "/api/chats/" + chatId + "/share", null).statusCode()).isEqualTo(204);
        assertThat(get(nobody, path).statusCode()).as("revoked").isEqualTo(404);

        String again = user.api("POST", "/api/chats/" + chatId + "/share", null).body();
        Matcher second = TOKEN.matcher(again);
        assertThat(second.find()).isTrue();
        assertThat(user.api("DELETE", "/api/chats/" + chatId, null).statusCode()).isEqualTo(204);
        assertThat(get(nobody, "/s/" + second.group(1)).statusCode()).as("chat deleted").isEqualTo(404);
    }

    @Test
    void feedbackOnAnAnswerReachesTheAdminsDashboardAndChatView() {
        AccountsDriver user = verifiedUser("rater");
        AccountsDriver stranger = verifiedUser("ratepeek");
        OPENAI.enqueue(Reply.answer("Baholanadigan javob.", 1, Duration.ZERO));
        HttpResponse<String> started = user.api("POST", "/api/chats", "{\"model\":\"gpt-4o\",\"content\":\"Baholang\"}");
        Matcher id = CHAT_ID.matcher(started.body());
        assertThat(id.find()).isTrue();
        long chatId = Long.parseLong(id.group(1));

        assertThat(user.api("PUT", "/api/chats/" + chatId + "/messages/2/feedback", "{\"rating\":\"sideways\"}").statusCode()).isEqualTo(400);
        assertThat(user.api("PUT", "/api/chats/" + chatId + "/messages/1/feedback", "{\"rating\":\"up\"}").statusCode()).isEqualTo(404);
        assertThat(stranger.api("PUT", "/api/chats/" + chatId + "/messages/2/feedback", "{\"rating\":\"up\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> rated = user.api("PUT", "/api/chats/" + chatId + "/messages/2/feedback",
                "{\"rating\":\"down\",\"comment\":\"Juda qisqa <b>javob</b>\"}");
        assertThat(rated.statusCode()).isEqualTo(200);
        assertThat(user.api("GET", "/api/chats/" + chatId + "/feedback", null).body()).contains("\"rank\":2").contains("\"rating\":\"down\"");

        AccountsDriver admin = admin();
        String dashboard = admin.get("/admin").body();
        assertThat(dashboard).contains("id=\"feedback-heading\"");
        assertThat(dashboard.substring(dashboard.indexOf("feedback-rates"))).contains("<td>gpt-4o</td>");
        String chat = admin.get("/admin/chats/" + chatId).body();
        assertThat(chat).contains("feedback-given down").contains("Juda qisqa &lt;b&gt;javob&lt;/b&gt;");
        assertThat(user.api("DELETE", "/api/chats/" + chatId + "/messages/2/feedback", null).statusCode()).isEqualTo(204);
        assertThat(user.api("GET", "/api/chats/" + chatId + "/feedback", null).body()).isEqualTo("[]");
    }

    @Test
    void theDataDownloadHoldsEveryChatAsJsonAndMarkdown() throws IOException {
        AccountsDriver user = verifiedUser("exporter");
        AccountsDriver stranger = verifiedUser("exportpeek");
        long a = newChat(user, "Eksport bir", "Javob bir");
        long b = newChat(user, "Eksport ikki", "Javob ikki");
        newChat(stranger, "Begona eksport", "Begona javob");
        user.api("PUT", "/api/chats/" + a + "/archive", null);

        HttpResponse<byte[]> zip = user.getBytes("/profile/data.zip");

        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).contains("application/zip");
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files).containsKeys("chats.json", "markdown/" + a + "-eksport-bir.md", "markdown/" + b + "-eksport-ikki.md").hasSize(3);
        assertThat(files.get("chats.json")).contains("\"id\" : " + a).contains("\"id\" : " + b).contains("Javob bir").contains("Javob ikki")
                .doesNotContain("Begona");
        assertThat(files.get("markdown/" + a + "-eksport-bir.md")).startsWith("# Eksport bir").contains("Javob bir").contains("- archived");
    }

    private static final Pattern ATTACHMENT_ID = Pattern.compile("\"id\":(\\d+)");
    /** A 1×1 PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static long upload(AccountsDriver user, String name, byte[] content) {
        HttpResponse<String> stored = user.upload("/profile", "/api/attachments", Map.of(), "file", name, content);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        Matcher id = ATTACHMENT_ID.matcher(stored.body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static long newChatWith(AccountsDriver user, String question, String answer, long... files) {
        OPENAI.enqueue(Reply.answer(answer, 1, Duration.ZERO));
        String ids = java.util.Arrays.stream(files).mapToObj(Long::toString).collect(java.util.stream.Collectors.joining(","));
        HttpResponse<String> started = user.api("POST", "/api/chats",
                "{\"model\":\"gpt-4o-mini\",\"content\":\"" + question + "\",\"attachments\":[" + ids + "]}");
        assertThat(started.body()).contains("event:done");
        Matcher m = CHAT_ID.matcher(started.body());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aSharedChatNamesItsFilesButTheLinkServesNoFileOfItsOwnChatOrAnyOther() {
        AccountsDriver user = verifiedUser("filesharer");
        long notes = upload(user, "field-notes.txt", "The well is behind the old mulberry tree.".getBytes(StandardCharsets.UTF_8));
        long picture = upload(user, "garden.png", PNG);
        long chatId = newChatWith(user, "Where is the well?", "Behind the mulberry tree.", notes, picture);
        long otherNotes = upload(user, "private-diary.txt", "Nobody may read this diary.".getBytes(StandardCharsets.UTF_8));
        long otherChat = newChatWith(user, "Keep my diary", "Kept.", otherNotes);
        Matcher token = TOKEN.matcher(user.api("POST", "/api/chats/" + chatId + "/share", null).body());
        assertThat(token.find()).isTrue();
        String path = "/s/" + token.group(1);

        java.net.http.HttpClient nobody = newClient();
        HttpResponse<String> page = get(nobody, path, "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("field-notes.txt").contains("garden.png").contains("their contents are not shared")
                .doesNotContain("old mulberry").doesNotContain("The well is behind").doesNotContain("/api/attachments")
                .doesNotContain("private-diary").doesNotContain("base64");

        // nothing under the link serves a file, and the files' own address needs their owner's session
        for (long id : new long[] {notes, picture, otherNotes}) {
            for (String guess : new String[] {path + "/attachments/" + id, path + "/files/" + id, path + "/attachments/" + id + "/content"}) {
                HttpResponse<String> answer = get(nobody, guess);
                // no such route: the sign-in page for a stranger, never the file
                assertThat(answer.statusCode()).as(guess).isIn(302, 404);
                assertThat(answer.body()).doesNotContain("old mulberry").doesNotContain("diary");
            }
            HttpResponse<String> direct = get(nobody, "/api/attachments/" + id + "/content");
            assertThat(direct.statusCode()).as("signed out").isIn(401, 403, 302);
            assertThat(direct.body()).doesNotContain("old mulberry").doesNotContain("diary");
        }
        AccountsDriver stranger = verifiedUser("filepeek");
        assertThat(stranger.api("GET", "/api/attachments/" + notes + "/content", null).statusCode()).isEqualTo(404);
        assertThat(stranger.api("GET", "/api/attachments/" + otherNotes + "/content", null).statusCode()).isEqualTo(404);
        assertThat(stranger.api("GET", "/api/chats/" + otherChat + "/attachments", null).body()).isEqualTo("[]");
        assertThat(user.api("GET", "/api/attachments/" + notes + "/content", null).body()).contains("mulberry");
    }

    @Test
    void theDataDownloadHoldsEachQuestionsFilesWithTheirTextAndTheFilesThemselves() throws IOException {
        AccountsDriver user = verifiedUser("fileexporter");
        long notes = upload(user, "harvest.txt", "Apricots ripen in June.".getBytes(StandardCharsets.UTF_8));
        long picture = upload(user, "orchard.png", PNG);
        long chatId = newChatWith(user, "When do apricots ripen?", "In June.", notes, picture);
        AccountsDriver stranger = verifiedUser("fileexportpeek");
        newChatWith(stranger, "Not yours", "No.", upload(stranger, "theirs.txt", "Someone else's text".getBytes(StandardCharsets.UTF_8)));

        HttpResponse<byte[]> zip = user.getBytes("/profile/data.zip");

        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        String json = new String(files.get("chats.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"name\" : \"harvest.txt\"").contains("\"kind\" : \"text\"").contains("Apricots ripen in June.")
                .contains("\"name\" : \"orchard.png\"").contains("\"kind\" : \"png\"").doesNotContain("theirs.txt")
                .doesNotContain("Someone else's");
        assertThat(files.get("files/" + chatId + "/" + notes + "-harvest.txt")).asString(StandardCharsets.UTF_8).isEqualTo("Apricots ripen in June.");
        assertThat(files.get("files/" + chatId + "/" + picture + "-orchard.png")).isEqualTo(PNG);
        String markdown = new String(files.entrySet().stream().filter(e -> e.getKey().startsWith("markdown/" + chatId + "-")).findFirst()
                .orElseThrow().getValue(), StandardCharsets.UTF_8);
        assertThat(markdown).contains("- attached: harvest.txt (text, 1 page) → files/" + chatId + "/" + notes + "-harvest.txt")
                .contains("- attached: orchard.png (png)");
        assertThat(files.keySet()).noneMatch(name -> name.contains("theirs"));
    }
}

package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.suhbat.adapter.out.ai.fake.FactsDocument;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.adapter.out.ai.fake.TestPdfs;
import uz.suhbat.e2e.AccountsDriver.Event;

/**
 * A launched PDF model, its passages with their vectors and a chat that uses it survive a restart:
 * the application is stopped (web server, context and embedded database) and started again on the
 * same database folder and FILES_DIR.
 */
class KnowledgeRestartEndToEndTest {

    private static final String PASSWORD = "a long passphrase for the restart";

    @TempDir
    Path dir;

    private final Path data = StandaloneSuhbat.newDataFolder("restart");
    private final FakeOpenAi openAi = FakeOpenAi.start();
    private final GreenMail mail = StandaloneSuhbat.startMail();

    @AfterEach
    void stopFakes() {
        openAi.close();
        mail.stop();
        StandaloneSuhbat.deleteQuietly(data);
    }

    private static long number(String json, String field) {
        return Long.parseLong(json.replaceAll("(?s).*\"" + field + "\":(\\d+).*", "$1"));
    }

    @Test
    void aLaunchedPdfModelWithItsPassagesAndItsChatsSurvivesARestart() throws Exception {
        // given: before the restart, a launched model and a chat whose answer cited page 7
        FactsDocument.Question before = FactsDocument.questions().get(5);
        long modelId;
        long chatId;
        String firstLink;
        String statusBefore;
        try (StandaloneSuhbat app = StandaloneSuhbat.start(data, openAi, mail)) {
            AccountsDriver admin = app.admin(mail);
            modelId = PdfModels.launched(admin, "Registan (restart)", TestPdfs.withPages(dir.resolve("facts.pdf"), FactsDocument.pages()));
            statusBefore = admin.get("/admin/api/models/" + modelId).body();

            AccountsDriver user = new AccountsDriver(app.url(""), mail);
            user.register("survivor", "survivor@example.uz", PASSWORD);
            user.get(user.linkPathMailedTo("survivor@example.uz"));
            user.login("survivor", PASSWORD);
            openAi.enqueue(Reply.answer("Zavod 2019-yil 14-sentabrda ochilgan (7-sahifa).", 3, Duration.ZERO));
            List<Event> events = AccountsDriver.events(user.api("POST", "/api/chats",
                    "{\"model\":\"pdf-" + modelId + "\",\"content\":\"" + before.text() + "\"}").body());
            assertThat(events).extracting(Event::name).startsWith("chat", "sources").endsWith("done");
            assertThat(events.get(1).data()).contains("\"page\":" + before.page());
            chatId = number(events.get(0).data(), "chatId");
            firstLink = "/c/" + chatId + "/messages/" + number(events.get(events.size() - 1).data(), "rank") + "/sources/" + before.page();
            assertThat(OnePagePdf.textOf(user.getBytes(firstLink))).contains("2019-yil 14-sentabrda");
        }

        // when: Suhbat starts again on the same data
        try (StandaloneSuhbat app = StandaloneSuhbat.start(data, openAi, mail)) {
            AccountsDriver user = new AccountsDriver(app.url(""), mail);
            user.login("survivor", PASSWORD);

            // then: the model is offered, with every passage it had
            assertThat(user.api("GET", "/api/models", null).body()).contains("{\"id\":\"pdf-" + modelId + "\",\"name\":\"Registan (restart)\"");
            String statusAfter = app.admin(mail).get("/admin/api/models/" + modelId).body();
            assertThat(statusAfter).contains("\"ready\":true").contains("\"launched\":true");
            assertThat(number(statusAfter, "chunksDone")).isEqualTo(number(statusBefore, "chunksDone")).isPositive();

            // the chat is there with its cited page, and the page still opens
            assertThat(user.api("GET", "/api/chats/" + chatId, null).body()).contains("\"sources\":[{\"page\":" + before.page())
                    .contains("\"readOnly\":false");
            assertThat(OnePagePdf.textOf(user.getBytes(firstLink))).contains("2019-yil 14-sentabrda");

            // a new question in that chat is answered from the right page, found through the stored vectors
            FactsDocument.Question after = FactsDocument.questions().get(0); // "Who founded Registan Robotics?", page 2
            int sent = openAi.requests().size();
            openAi.enqueue(Reply.answer("Dilnoza Karimova founded it in 2011 (page 2).", 3, Duration.ZERO));
            List<Event> events = AccountsDriver.events(user.api("POST", "/api/chats/" + chatId + "/messages",
                    "{\"content\":\"" + after.text() + "\"}").body());
            assertThat(events).extracting(Event::name).startsWith("sources").endsWith("done");
            assertThat(events.get(0).data()).contains("\"page\":" + after.page());
            RecordedRequest request = openAi.requests().get(sent);
            assertThat(request.messages().get(0).role()).isEqualTo("system");
            assertThat(request.messages().get(0).content()).contains("[page " + after.page() + "]").contains("Dilnoza Karimova");
            assertThat(request.messages()).extracting(RecordedRequest.Message::content).contains(before.text(), after.text());
            assertThat(openAi.violations()).isEmpty();
            String secondLink = "/c/" + chatId + "/messages/" + number(events.get(events.size() - 1).data(), "rank") + "/sources/" + after.page();
            assertThat(OnePagePdf.textOf(user.getBytes(secondLink))).contains("Dilnoza Karimova");
        }
    }
}

package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.suhbat.adapter.out.ai.fake.FactsDocument;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.adapter.out.ai.fake.TestPdfs;
import uz.suhbat.e2e.AccountsDriver.Event;

/** An admin turns real PDFs (generated here) into models; a user picks one and gets answers grounded in it. */
class KnowledgeEndToEndTest extends EndToEndTest {

    @TempDir
    Path dir;

    private AccountsDriver admin() {
        AccountsDriver admin = new AccountsDriver(url(""), MAIL);
        admin.submit("/admin/login", "/admin/login", "username", ADMIN_USERNAME, "password", ADMIN_PASSWORD);
        return admin;
    }

    private static HttpResponse<String> upload(AccountsDriver admin, String name, Path pdf) {
        return PdfModels.upload(admin, name, pdf);
    }

    private static long createdId(HttpResponse<String> response) {
        return PdfModels.createdId(response);
    }

    private static String waitUntilRead(AccountsDriver admin, long id) throws InterruptedException {
        return PdfModels.waitUntilRead(admin, id);
    }

    @Test
    void anAdminsPdfBecomesAModelThatAnswersFromTheRightPageWithSources() throws Exception {
        AccountsDriver admin = admin();
        AccountsDriver user = verifiedUser("reader");
        long id = createdId(upload(admin, "Registan report", TestPdfs.withPages(dir.resolve("facts.pdf"), FactsDocument.pages())));

        String status = waitUntilRead(admin, id);
        assertThat(status).contains("\"ready\":true").contains("\"pagesDone\":" + FactsDocument.pages().size());
        assertThat(admin.get("/admin/models/" + id).body()).contains("Registan report").contains("action=\"/admin/models/" + id + "/launch\"");
        assertThat(user.api("GET", "/api/models", null).body()).as("not offered before launch").doesNotContain("pdf-" + id);

        admin.submit("/admin/models/" + id, "/admin/models/" + id + "/launch");
        assertThat(user.api("GET", "/api/models", null).body()).contains("{\"id\":\"pdf-" + id + "\",\"name\":\"Registan report\",\"kind\":\"pdf\"");

        FactsDocument.Question question = FactsDocument.questions().get(5); // an Uzbek question
        int before = OPENAI.requests().size();
        OPENAI.enqueue(Reply.answer("Zavod 2019-yil 14-sentabrda ochilgan (7-sahifa).", 3, Duration.ZERO));
        List<Event> events = AccountsDriver.events(user.api("POST", "/api/chats",
                "{\"model\":\"pdf-" + id + "\",\"content\":\"" + question.text() + "\"}").body());

        assertThat(events).extracting(Event::name).startsWith("chat", "sources").endsWith("done");
        assertThat(events.get(1).data()).contains("\"page\":" + question.page());
        RecordedRequest request = OPENAI.requests().get(before);
        assertThat(request.model()).as("the base model answers").isEqualTo("gpt-4o-mini");
        assertThat(request.messages().get(0).role()).isEqualTo("system");
        assertThat(request.messages().get(0).content()).contains("[page " + question.page() + "]").contains("14-sentabr")
                .contains("Answer briefly.");
        assertThat(request.messages().get(1).content()).isEqualTo(question.text());
        assertThat(OPENAI.violations()).isEmpty();
        long chatId = Long.parseLong(events.get(0).data().replaceAll(".*\"chatId\":(\\d+).*", "$1"));
        assertThat(user.api("GET", "/api/chats/" + chatId, null).body()).contains("\"sources\":[{\"page\":" + question.page());
        assertThat(admin.get("/admin/chats/" + chatId).body()).as("admins read the PDF model's name, not its id")
                .contains("<dd>Registan report</dd>").doesNotContain("pdf-" + id + "<").doesNotContain("· pdf-" + id);
        assertThat(admin.get("/admin/chats?user=reader").body()).contains(">Registan report</td>");

        OPENAI.enqueue(Reply.answer("Sinov javobi (7-sahifa).", 2, Duration.ZERO));
        String trial = admin.submit("/admin/models/" + id, "/admin/models/" + id + "/try", "question", question.text()).body();
        assertThat(trial).as("a good answer has no (empty) error box above it").contains("Sinov javobi (7-sahifa).")
                .doesNotContain("alert alert-error");

        HttpResponse<String> deleted = admin.submit("/admin/models/" + id, "/admin/models/" + id + "/delete", "confirm", "yes");
        assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/admin/models");
        assertThat(user.api("GET", "/api/models", null).body()).doesNotContain("pdf-" + id);
        assertThat(user.api("GET", "/api/chats/" + chatId, null).body()).as("old chats stay readable but closed")
                .contains("\"readOnly\":true").contains("\"closedReason\":\"model_deleted\"").contains("14-sentabr");
        assertThat(admin.get("/admin/audit").body()).contains("Registan report");
    }

    @Test
    void aCitedPageOpensAsAOnePagePdfForTheChatsOwnerAndAdminsOnlyAndIsGoneWithItsModel() throws Exception {
        // given: a launched model and an answer from it that cited page 7
        AccountsDriver admin = admin();
        AccountsDriver owner = verifiedUser("citing-reader");
        AccountsDriver stranger = verifiedUser("citing-stranger");
        long id = createdId(upload(admin, "Navoiy fakt", TestPdfs.withPages(dir.resolve("cited.pdf"), FactsDocument.pages())));
        assertThat(waitUntilRead(admin, id)).contains("\"ready\":true");
        admin.submit("/admin/models/" + id, "/admin/models/" + id + "/launch");
        FactsDocument.Question question = FactsDocument.questions().get(5);
        OPENAI.enqueue(Reply.answer("Zavod 2019-yil 14-sentabrda ochilgan (7-sahifa).", 3, Duration.ZERO));
        List<Event> events = AccountsDriver.events(owner.api("POST", "/api/chats",
                "{\"model\":\"pdf-" + id + "\",\"content\":\"" + question.text() + "\"}").body());
        long chatId = Long.parseLong(events.get(0).data().replaceAll(".*\"chatId\":(\\d+).*", "$1"));
        int rank = Integer.parseInt(events.get(events.size() - 1).data().replaceAll(".*\"rank\":(\\d+).*", "$1"));
        String sources = events.get(1).data();
        assertThat(sources).contains("\"page\":" + question.page());
        int uncited = java.util.stream.IntStream.rangeClosed(1, FactsDocument.pages().size())
                .filter(p -> !sources.contains("\"page\":" + p + ",")).findFirst().orElseThrow();
        String link = "/c/" + chatId + "/messages/" + rank + "/sources/" + question.page();

        // when / then: the owner gets that page alone, inline, named after the model
        HttpResponse<byte[]> page = owner.getBytes(link);
        assertThat(OnePagePdf.textOf(page)).contains("2019-yil 14-sentabrda").doesNotContain("Dilnoza Karimova");
        assertThat(page.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("inline; filename=\"Navoiy-fakt-p7.pdf\"; filename*=UTF-8''Navoiy-fakt-p7.pdf");

        // nobody else, no other page, no other message; signed-out visitors are sent to sign in
        assertThat(stranger.get(link).statusCode()).isEqualTo(404);
        assertThat(stranger.get(link).body()).contains("Source not found");
        assertThat(owner.get("/c/" + chatId + "/messages/" + rank + "/sources/" + uncited).statusCode()).as("a page not cited").isEqualTo(404);
        assertThat(owner.get("/c/" + chatId + "/messages/" + (rank - 1) + "/sources/" + question.page()).statusCode())
                .as("the question cites nothing").isEqualTo(404);
        assertThat(new AccountsDriver(url(""), MAIL).get(link).statusCode()).isEqualTo(302);
        assertThat(owner.get("/admin/chats/" + chatId + "/messages/" + rank + "/sources/" + question.page()).statusCode())
                .as("a user on the admin's path").isIn(302, 403);

        // an admin opens it from the chat's page too
        String adminLink = "/admin/chats/" + chatId + "/messages/" + rank + "/sources/" + question.page();
        assertThat(admin.get("/admin/chats/" + chatId).body()).contains("href=\"" + adminLink + "\"").contains("target=\"_blank\"");
        assertThat(OnePagePdf.textOf(admin.getBytes(adminLink))).contains("2019-yil 14-sentabrda");
        assertThat(admin.get("/admin/chats/" + chatId + "/messages/" + rank + "/sources/" + uncited).statusCode()).isEqualTo(404);

        // when the model is deleted, the link says so and the chat keeps the cited text
        admin.submit("/admin/models/" + id, "/admin/models/" + id + "/delete", "confirm", "yes");
        HttpResponse<String> gone = owner.get(link);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("The document is no longer available").contains("The cited text stays in the chat.");
        assertThat(owner.api("GET", "/api/chats/" + chatId, null).body()).contains("\"sources\":[{\"page\":" + question.page())
                .contains("14-sentabrda ochildi");
    }

    @Test
    void unusableDocumentsAreRefusedWithASentence() throws Exception {
        AccountsDriver admin = admin();

        HttpResponse<String> notPdf = upload(admin, "Not a PDF", TestPdfs.notPdf(dir.resolve("x.pdf")));
        assertThat(notPdf.statusCode()).isEqualTo(400);
        assertThat(notPdf.body()).contains("This file is not a PDF.");

        HttpResponse<String> encrypted = upload(admin, "Locked", TestPdfs.encrypted(dir.resolve("locked.pdf"), "secret", List.of("Hidden text")));
        assertThat(encrypted.statusCode()).isEqualTo(400);
        assertThat(encrypted.body()).contains("protected by a password");

        HttpResponse<String> scanned = upload(admin, "Scanned", TestPdfs.imageOnly(dir.resolve("scan.pdf"), 2));
        assertThat(scanned.statusCode()).isEqualTo(400);
        assertThat(scanned.body()).contains("no readable text");

        HttpResponse<String> unnamed = upload(admin, "", TestPdfs.withPages(dir.resolve("ok.pdf"), List.of("Some text")));
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body()).contains("The name needs 1 to 100 characters.");
    }

    @Test
    void usersCannotReachTheModelsAdministration() {
        AccountsDriver user = verifiedUser("curious");
        assertThat(user.get("/admin/models").statusCode()).isIn(302, 403);
        assertThat(user.get("/admin/api/models/1").statusCode()).isIn(401, 403);
    }
}

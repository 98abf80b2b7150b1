package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.suhbat.adapter.out.ai.fake.FactsDocument;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.adapter.out.ai.fake.TestPdfs;

/**
 * PDF_MAX_PAGES and PDF_INGEST_TIMEOUT bound what an admin's upload may cost. The application runs
 * with its own settings here: at most 5 pages, and a reading time no document can meet (1 ns), so
 * that running out of time does not depend on how fast this machine is.
 */
class KnowledgeLimitsEndToEndTest {

    @TempDir
    Path dir;

    private final Path data = StandaloneSuhbat.newDataFolder("limits");
    private final FakeOpenAi openAi = FakeOpenAi.start();
    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @AfterEach
    void stopFakes() {
        openAi.close();
        mail.stop();
        StandaloneSuhbat.deleteQuietly(data);
    }

    @Test
    void aPdfOverThePageLimitIsRefusedAndOneThatTakesTooLongFailsWithTheReason() throws Exception {
        mail.start();
        try (StandaloneSuhbat app = StandaloneSuhbat.start(data, openAi, mail, "PDF_MAX_PAGES=5", "PDF_INGEST_TIMEOUT=1ns")) {
            // given
            AccountsDriver admin = app.admin(mail);

            // when: six pages, one more than allowed
            HttpResponse<String> sixPages = PdfModels.upload(admin, "Six pages",
                    TestPdfs.withPages(dir.resolve("six.pdf"), FactsDocument.pages().subList(0, 6)));

            // then: refused at once with a sentence, and nothing is kept
            assertThat(sixPages.statusCode()).isEqualTo(400);
            assertThat(sixPages.body()).contains("The PDF has more pages than this server accepts. Split it, or ask the operator to raise PDF_MAX_PAGES.");
            assertThat(admin.get("/admin/models").body()).doesNotContain("Six pages");

            // when: five pages are accepted, but reading them cannot finish in time
            long id = PdfModels.createdId(PdfModels.upload(admin, "Five pages",
                    TestPdfs.withPages(dir.resolve("five.pdf"), FactsDocument.pages().subList(0, 5))));
            String status = PdfModels.waitUntilRead(admin, id);

            // then: the model failed, and the admin reads why
            assertThat(status).contains("\"failed\":true").contains("\"status\":\"failed\"");
            String why = "Reading the PDF took longer than allowed (PDF_INGEST_TIMEOUT) and was stopped.";
            assertThat(status).contains(why);
            assertThat(admin.get("/admin/models/" + id).body()).contains(why);
            admin.submit("/admin/models/" + id, "/admin/models/" + id + "/launch");
            assertThat(admin.get("/admin/api/models/" + id).body()).as("a failed model cannot be launched").contains("\"launched\":false");
        }
    }
}

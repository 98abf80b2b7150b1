package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an admin does with PDF models over HTTP, as the admin pages do it. */
final class PdfModels {

    private static final Pattern MODEL_ID = Pattern.compile("/admin/models/(\\d+)$");

    private PdfModels() {
    }

    static HttpResponse<String> upload(AccountsDriver admin, String name, Path pdf) {
        try {
            return admin.upload("/admin/models", "/admin/models", Map.of("name", name, "description", "Test document",
                    "baseModel", "gpt-4o-mini", "instructions", "Answer briefly."), "file", "report.pdf", Files.readAllBytes(pdf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long createdId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        Matcher m = MODEL_ID.matcher(response.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Polls the progress endpoint the admin page uses until reading ends; answers its last status. */
    static String waitUntilRead(AccountsDriver admin, long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        String status;
        do {
            Thread.sleep(250);
            status = admin.get("/admin/api/models/" + id).body();
        } while (status.contains("\"processing\":true") && Instant.now().isBefore(deadline));
        return status;
    }

    /** Uploads, waits until read, checks it is ready and launches it; answers its id. */
    static long launched(AccountsDriver admin, String name, Path pdf) throws InterruptedException {
        long id = createdId(upload(admin, name, pdf));
        assertThat(waitUntilRead(admin, id)).contains("\"ready\":true");
        admin.submit("/admin/models/" + id, "/admin/models/" + id + "/launch");
        return id;
    }
}

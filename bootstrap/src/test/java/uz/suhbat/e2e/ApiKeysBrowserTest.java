package uz.suhbat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A person makes an API key on the profile page in Chromium, uses it, sees its last use and revokes it; the admin sees it. */
class ApiKeysBrowserTest extends EndToEndTest {

    @Test
    void aKeyIsMadeShownOnceUsedAndRevokedOnTheProfile_andTheAdminSeesItsUse() throws Exception {
        verifiedUser("kalitchi");
        try (BrowserContext context = Browser.newContext(new NewContextOptions().setLocale("uz-UZ").setViewportSize(1280, 800))) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.locator("#username").fill("kalitchi");
            page.locator("#password").fill("a long passphrase for kalitchi");
            page.locator("form.form button[type=submit]").click();
            page.navigate(url("/profile?lang=uz"));
            assertThat(page.locator("#api-keys")).containsText("Hali kalit yoʻq.");

            page.getByLabel("Kalit nomi").fill("Noutbuk");
            page.locator("#api-keys form.form button[type=submit]").click();
            String key = page.locator("code.api-key-secret").textContent();
            assertThat(key).startsWith("sk-suhbat-");
            assertThat(page.locator("#new-api-key")).containsText("boshqa koʻrsatilmaydi");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/profile-api-keys-uz.png")).setFullPage(true));

            HttpResponse<String> models = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/v1/models")))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(models.statusCode()).isEqualTo(200);
            OPENAI.enqueue(uz.suhbat.adapter.out.ai.fake.Reply.answer("Salom!"));
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/v1/chat/completions")))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Salom\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);

            page.navigate(url("/profile"));
            assertThat(page.locator("code.api-key-secret")).hasCount(0);
            assertThat(page.locator("li.api-key")).containsText("Noutbuk");
            assertThat(page.locator("li.api-key")).containsText("oxirgi marta ishlatilgan");
            page.locator("li.api-key button[type=submit]").click();
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS).first()).containsText("Kalit bekor qilindi");
            assertThat(page.locator("li.api-key")).hasCount(0);
        }
        try (BrowserContext context = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(1280, 800))) {
            Page page = context.newPage();
            page.navigate(url("/admin/login"));
            page.locator("#username").fill(ADMIN_USERNAME);
            page.locator("#password").fill(ADMIN_PASSWORD);
            page.locator("form.form button[type=submit]").click();
            page.navigate(url("/admin/api"));
            assertThat(page.locator("#api-keys")).containsText("kalitchi");
            assertThat(page.locator("#api-keys")).containsText("revoked");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/admin-api-en.png")).setFullPage(true));
        }
    }
}

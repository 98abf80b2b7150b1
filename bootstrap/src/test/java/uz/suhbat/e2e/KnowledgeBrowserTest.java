package uz.suhbat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.suhbat.adapter.out.ai.fake.FactsDocument;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.adapter.out.ai.fake.SyntheticText;
import uz.suhbat.adapter.out.ai.fake.TestPdfs;

/**
 * A PDF model from the admin's upload form to a user's cited page, in headless Chromium: the admin
 * watches the document being read and launches the model; a user picks it at the top of the chat,
 * asks, sees the answer stream in with its sources, and opens the cited page in a new tab.
 */
class KnowledgeBrowserTest extends EndToEndTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String MODEL_NAME = "Registan hisoboti (brauzer)";
    /** Facts on pages 1–15, then filler: long enough that reading takes seconds, so that its progress can be watched. */
    private static final int FILLER_PAGES = 100;

    /**
     * Notes, at each load of a model's admin page, its status and progress bar, in the tab's session
     * storage, which outlives the reload that the page's polling does when the reading ends. Read
     * right at load, it does not depend on how fast this machine reads the document.
     */
    private static final String RECORD_PAINTS = """
            document.addEventListener('DOMContentLoaded', () => {
              const section = document.getElementById('model-status');
              if (!section) return;
              const bar = document.getElementById('model-progress');
              const paints = JSON.parse(sessionStorage.getItem('paints') || '[]');
              paints.push({
                status: section.querySelector('[data-field=statusText]').textContent.trim(),
                pagesTotal: section.querySelector('[data-field=pagesTotal]').textContent.trim(),
                progress: bar ? bar.value : null,
                progressLabel: bar ? bar.getAttribute('aria-label') : null,
                progressVisible: Boolean(bar && bar.getBoundingClientRect().width > 0),
              });
              sessionStorage.setItem('paints', JSON.stringify(paints));
            });
            """;

    @TempDir
    Path dir;

    private Path document() {
        List<String> pages = new ArrayList<>(FactsDocument.pages());
        SyntheticText filler = new SyntheticText(7);
        for (int i = 0; i < FILLER_PAGES; i++) {
            pages.add("Appendix " + (i + 1) + ". " + filler.words(420));
        }
        return TestPdfs.withPages(dir.resolve("registan-report.pdf"), pages);
    }

    @Test
    void anAdminUploadsAndLaunchesAPdfModelAndAUserOpensTheCitedPageOfAnAnswer() {
        Path pdf = document();
        int totalPages = FactsDocument.pages().size() + FILLER_PAGES;
        long modelId;
        String chatPath;

        // given: the admin creates the model through the form and watches it being read
        try (BrowserContext adminContext = Browser.newContext("en-US")) {
            adminContext.addInitScript(RECORD_PAINTS);
            Page admin = signedInAdmin(adminContext);

            admin.navigate(url("/admin/models"));
            admin.getByLabel("Name").fill(MODEL_NAME);
            admin.getByLabel("Description").fill("Yillik hisobot, 2023");
            admin.getByLabel("Base model").selectOption("gpt-4o-mini");
            // only MiniLM is configured here: it is the one choice, and the default
            assertThat(admin.getByLabel("Embedding model").locator("option")).hasText(new String[] {"MiniLM on this server (offline, understands English best)"});
            admin.getByLabel("Embedding model").selectOption("MINILM");
            admin.getByLabel("PDF file").setInputFiles(pdf);
            shoot(admin, "knowledge-admin-form");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and create")).click();

            assertThat(admin).hasURL(Pattern.compile(".*/admin/models/\\d+$"));
            modelId = Long.parseLong(admin.url().replaceAll(".*/admin/models/(\\d+)$", "$1"));
            shoot(admin, "knowledge-admin-reading");

            // the page's own polling follows the reading and reloads the page when it ends
            Locator launch = admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Launch"));
            assertThat(launch).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(180_000));
            Locator status = admin.locator("#model-status");
            assertThat(status.locator("[data-field=statusText]")).hasText("ready");
            assertThat(status.locator("[data-field=pagesDone]")).hasText(String.valueOf(totalPages));
            assertThat(admin.getByRole(AriaRole.PROGRESSBAR)).hasCount(0);
            // what each load of the model's page showed: first, while reading, the progress bar; last the ready model
            // the Launch button can show while the reloaded page is still being parsed, before its paint is recorded
            // (DOMContentLoaded): wait for that paint; a page that never reloads fails here after 30 s
            admin.waitForFunction("() => JSON.parse(sessionStorage.getItem('paints') || '[]').length >= 2", null,
                    new Page.WaitForFunctionOptions().setTimeout(30_000));
            List<Map<String, Object>> paints = paints(admin);
            assertThat(paints).as("the first paint, then the one the polling asked for").hasSizeGreaterThanOrEqualTo(2);
            assertThat(paints.get(0)).containsEntry("status", "reading").containsEntry("progressVisible", true)
                    .containsEntry("progressLabel", "Reading progress").containsEntry("pagesTotal", String.valueOf(totalPages));
            assertThat(((Number) paints.get(0).get("progress")).intValue()).isBetween(0, 99);
            assertThat(paints.get(paints.size() - 1)).containsEntry("status", "ready").containsEntry("progressVisible", false);
            launch.click();
            assertThat(admin.getByText("The model is launched: users can pick it now.")).isVisible();
        }

        // when: a user picks the model at the top of the chat and asks
        AccountsDriver mail = new AccountsDriver(url(""), MAIL);
        mail.register("sahifa-oquvchi", "sahifa-oquvchi@example.uz", "a long passphrase 34");
        mail.get(mail.linkPathMailedTo("sahifa-oquvchi@example.uz"));
        try (BrowserContext userContext = Browser.newContext("en-US")) {
            List<Response> pageResponses = new CopyOnWriteArrayList<>();
            userContext.onResponse(response -> {
                if (response.url().contains("/sources/")) {
                    pageResponses.add(response);
                }
            });
            Page page = userContext.newPage();
            page.navigate(url("/login"));
            page.getByLabel("Username or e-mail").fill("sahifa-oquvchi");
            page.getByLabel("Password").fill("a long passphrase 34");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            assertThat(page).hasURL(url("/"));

            page.getByLabel("Model").selectOption(new SelectOption().setLabel(MODEL_NAME));
            assertThat(page.getByLabel("Model")).hasValue("pdf-" + modelId);
            int sent = OPENAI.requests().size();
            OPENAI.enqueue(Reply.answer("The AX-7 drone has a warranty of 36 months; its batteries are covered for 18 months (page 5).",
                    4, Duration.ofMillis(250)));
            Locator prompt = page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true));
            prompt.fill("How long is the warranty on the AX-7 drone?");
            prompt.press("Enter");

            // then: the answer streams in, with the sources naming the page
            Locator answer = page.locator(".message.assistant").last();
            assertThat(answer).hasAttribute("aria-busy", "true");
            assertThat(answer.locator(".markdown")).hasText(
                    "The AX-7 drone has a warranty of 36 months; its batteries are covered for 18 months (page 5).");
            assertThat(answer).not().hasAttribute("aria-busy", "true");
            RecordedRequest request = OPENAI.requests().get(sent);
            assertThat(request.messages().get(0).content()).contains("[page 5]").contains("warranty of 36 months");
            Locator sources = answer.locator("details.sources");
            sources.locator("summary").click();
            // a page may be cited by more than one passage: the first link to it will do
            Locator cited = sources.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open page 5 as a PDF in a new tab")).first();
            assertThat(cited).hasText("Page 5");
            assertThat(cited).hasAttribute("target", "_blank");
            assertThat(cited).hasAttribute("href", Pattern.compile("/c/\\d+/messages/2/sources/5$"));
            assertThat(cited.locator("xpath=following-sibling::span")).containsText("warranty of 36 months");
            shoot(page, "knowledge-chat-sources");
            chatPath = page.url().replaceAll("^https?://[^/]+", "");

            // clicking the source opens a new tab with the cited page, a PDF
            Page tab = userContext.waitForPage(cited::click);
            assertThat(tab.url()).endsWith(cited.getAttribute("href"));
            // the new tab's response arrives on the browser's own time
            awaitTrue("the cited page was requested", Duration.ofSeconds(15), () -> !pageResponses.isEmpty());
            Response opened = pageResponses.get(0);
            assertThat(opened.status()).isEqualTo(200);
            assertThat(opened.headerValue("content-type")).isEqualTo("application/pdf");
            assertThat(opened.headerValue("content-disposition")).startsWith("inline;").contains("p5.pdf");
            tab.waitForLoadState(LoadState.LOAD);
            // Chromium shows it in its PDF viewer (the picture may catch the viewer still drawing)
            tab.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("knowledge-cited-page-tab.png")));
            APIResponse fetched = userContext.request().get(tab.url());
            assertThat(OnePagePdf.textOf(fetched.body())).contains("warranty of 36 months");
            assertThat(OPENAI.violations()).isEmpty();
            assertThat(OPENAI.requests().get(sent).model()).as("the model's base model answers").isEqualTo("gpt-4o-mini");
        }

        // and the admin reading that chat sees the same sources, linked the same way
        try (BrowserContext adminContext = Browser.newContext("en-US")) {
            Page admin = signedInAdmin(adminContext);
            admin.navigate(url("/admin/chats/" + chatPath.replaceAll("\\D", "")));
            Locator sources = admin.locator("article.message.assistant details.sources").last();
            sources.locator("summary").click();
            Locator cited = sources.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Page 5")).first();
            assertThat(cited).hasAttribute("target", "_blank");
            assertThat(cited).hasAttribute("href", Pattern.compile("^/admin/chats/\\d+/messages/2/sources/5$"));
            shoot(admin, "knowledge-admin-chat-sources");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> paints(Page page) {
        return (List<Map<String, Object>>) page.evaluate("() => JSON.parse(sessionStorage.getItem('paints') || '[]')");
    }

    private Page signedInAdmin(BrowserContext context) {
        Page admin = context.newPage();
        admin.navigate(url("/admin/login"));
        admin.locator("#username").fill(ADMIN_USERNAME);
        admin.locator("#password").fill(ADMIN_PASSWORD);
        admin.locator("form.form button[type=submit]").click();
        assertThat(admin).hasURL(url("/admin"));
        return admin;
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}

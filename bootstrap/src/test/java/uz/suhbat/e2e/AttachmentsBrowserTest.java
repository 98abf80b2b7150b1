package uz.suhbat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.adapter.out.ai.fake.TestPdfs;

/**
 * Issue 16's attachments in headless Chromium against the fake upstream: a 40-page PDF whose fact is found by search and
 * cited by page, a photo that reaches a vision model as an image part, and a text renamed .png refused with the question
 * kept. Screenshots of the composer with chips and of the admin's chat view (desktop and phone, light and dark).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentsBrowserTest extends EndToEndTest {

    private static final Pattern CHAT_URL = Pattern.compile(".*/c/(\\d+)$");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String FACT = "The observatory's secret password is ULUGBEK-1420.";

    @Autowired
    DSLContext db;

    private Path files;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    void signIn() throws IOException {
        files = Files.createTempDirectory("suhbat-attachments");
        AccountsDriver mail = new AccountsDriver(url(""), MAIL);
        mail.register("fayzulla", "fayzulla@example.uz", "a long passphrase 31");
        mail.get(mail.linkPathMailedTo("fayzulla@example.uz"));
        context = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(1280, 800));
        page = login(context);
    }

    private Page login(BrowserContext browser) {
        Page opened = browser.newPage();
        opened.navigate(url("/login"));
        opened.getByLabel("Username or e-mail").fill("fayzulla");
        opened.getByLabel("Password").fill("a long passphrase 31");
        opened.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(opened).hasURL(url("/"));
        opened.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        return opened;
    }

    @AfterAll
    void closeBrowser() {
        context.close();
    }

    @BeforeEach
    void newChat() {
        page.navigate(url("/"));
    }

    private static Locator prompt(Page on) {
        return on.getByLabel("Message", new Page.GetByLabelOptions().setExact(true));
    }

    private long chatIdInUrl(Page on) {
        assertThat(on).hasURL(CHAT_URL);
        Matcher m = CHAT_URL.matcher(on.url());
        org.assertj.core.api.Assertions.assertThat(m.matches()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** 40 pages about other things, the fact on page 27 only. */
    private Path fortyPagePdf() {
        List<String> pages = new ArrayList<>();
        String[] topics = {"the rivers of the valley and how farmers share their water in a dry summer",
            "the silk road caravans that rested in the city and the goods they carried west",
            "the madrasa courtyards, their tiles and the craftsmen who restored them",
            "the bazaar on a Sunday morning, its bread, melons and the sellers' calls",
            "the mountain villages in winter, the snow on the passes and the roads that close"};
        for (int i = 1; i <= 40; i++) {
            StringBuilder text = new StringBuilder("Chapter " + i + ". ");
            for (int s = 0; s < 6; s++) {
                text.append("This page tells about ").append(topics[(i + s) % topics.length]).append(". ");
            }
            if (i == 27) {
                text.append(FACT).append(" It was carved above the door in the year the sextant was finished.");
            }
            pages.add(text.toString());
        }
        return TestPdfs.withPages(files.resolve("observatory-report.pdf"), pages);
    }

    private Path photo(String name) {
        BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2E86DE));
        g.fillRect(0, 0, 96, 64);
        g.setColor(new Color(0xF5B041));
        g.fillOval(28, 12, 40, 40);
        g.dispose();
        Path file = files.resolve(name);
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Test
    void aQuestionWithAFortyPagePdfGetsAnAnswerCitingItsPage() {
        Path pdf = fortyPagePdf();
        OPENAI.answerAllWith(request -> request.messages().stream().anyMatch(m -> "system".equals(m.role()) && m.content().contains("ULUGBEK-1420"))
                ? "The password is ULUGBEK-1420 (observatory-report.pdf, page 27)." : "The document does not say.");

        page.locator("#attach-input").setInputFiles(pdf);
        Locator chip = page.locator("#attachment-tray .attachment-chip");
        assertThat(chip).containsText("observatory-report.pdf");
        assertThat(chip).containsText("40 pages");
        prompt(page).fill("What is the secret password of the observatory?");
        screenshot(page, "attachments-composer-pdf");
        prompt(page).press("Enter");

        Locator answer = page.locator(".message.assistant").last();
        // the first search of a document may load the embedding model and embed its passages on a busy machine
        assertThat(answer.locator(".markdown")).containsText("ULUGBEK-1420 (observatory-report.pdf, page 27)",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
        long chatId = chatIdInUrl(page);
        RecordedRequest sent = OPENAI.requests().getLast();
        String system = sent.messages().stream().filter(m -> "system".equals(m.role())).map(RecordedRequest.Message::content)
                .findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(system).contains("[observatory-report.pdf, page 27]").contains(FACT);
        org.assertj.core.api.Assertions.assertThat(sent.lastUserMessage()).doesNotContain("ULUGBEK").contains("40 pages");
        org.assertj.core.api.Assertions.assertThat(OPENAI.violations()).isEmpty();

        // the page source, as PDF models' answers show theirs, and the file on the question, also after a reload
        answer.locator("details.sources summary").click();
        Locator source = answer.locator(".sources li").filter(new Locator.FilterOptions().setHasText("ULUGBEK-1420"));
        assertThat(source.locator(".source-page")).hasText("Page 27");
        assertThat(source.locator(".source-text")).containsText("observatory-report.pdf: ");
        // a page of an attached file is shown, not offered as a link that would answer 410 (only PDF models' pages open)
        assertThat(source.locator("a.source-page")).hasCount(0);
        assertThat(page.locator("#attachment-tray")).isHidden();
        page.reload();
        assertThat(page.locator(".message.user .message-attachments .attachment-chip")).containsText("observatory-report.pdf");
        assertThat(page.locator(".message.assistant").last().locator(".sources .source-page").first()).isAttached();
        assertThat(page.locator(".message.assistant").last().locator(".sources a.source-page")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(db.fetchCount(db.selectFrom("attachment").where("chat_id = ?", chatId))).isEqualTo(1);
        screenshot(page, "attachments-chat-after-reload");
    }

    @Test
    void aPhotoReachesAVisionModelAsAnImagePart() throws IOException {
        Path photo = photo("sunset-photo.png");
        OPENAI.enqueue(Reply.answer("An orange sun over a blue sky."));
        page.locator("#model").selectOption("gpt-4o");

        page.locator("#attach-input").setInputFiles(photo);
        assertThat(page.locator("#attachment-tray .attachment-chip img.chip-icon")).hasCount(1);
        assertThat(page.locator("#attachment-tray .attachment-chip")).containsText("sunset-photo.png");
        assertThat(page.locator("#attachment-notice")).isHidden();
        prompt(page).fill("What is on this photo?");
        prompt(page).press("Enter");

        assertThat(page.locator(".message.assistant").last().locator(".markdown")).hasText("An orange sun over a blue sky.");
        RecordedRequest sent = OPENAI.requests().getLast();
        org.assertj.core.api.Assertions.assertThat(sent.model()).isEqualTo("gpt-4o");
        RecordedRequest.Message question = sent.messages().getLast();
        org.assertj.core.api.Assertions.assertThat(question.content()).isEqualTo("What is on this photo?");
        org.assertj.core.api.Assertions.assertThat(question.imageUrls())
                .containsExactly("data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(photo)));
        org.assertj.core.api.Assertions.assertThat(OPENAI.violations()).as("the request against OpenAI's schema").isEmpty();

        page.reload();
        Locator thumbnail = page.locator(".message.user .message-attachments .thumbnail img");
        assertThat(thumbnail).hasAttribute("alt", "sunset-photo.png");
        awaitTrue("the thumbnail loads", java.time.Duration.ofSeconds(10),
                () -> ((Number) thumbnail.evaluate("img => img.complete ? img.naturalWidth : 0")).intValue() == 96);
    }

    private static Locator button(Locator in, String name) {
        return in.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void anEditedQuestionKeepsItsFilesForTheModel_theEditorCanLeaveOneOut_andRegenerateSendsThemAgain() throws IOException {
        Path photo = photo("market-photo.png");
        Path list = files.resolve("shopping-list.txt");
        Files.writeString(list, "Buy saffron, quince and green tea.", StandardCharsets.UTF_8);
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(photo));
        page.locator("#model").selectOption("gpt-4o");
        page.locator("#attach-input").setInputFiles(new Path[] {photo, list});
        assertThat(page.locator("#attachment-tray .attachment-chip")).hasCount(2);
        OPENAI.enqueue(Reply.answer("A market stall."));
        prompt(page).fill("What is this?");
        prompt(page).press("Enter");
        Locator lastAnswer = page.locator(".message.assistant").last();
        assertThat(lastAnswer.locator(".markdown")).hasText("A market stall.");
        long chatId = chatIdInUrl(page);

        // edited without touching the files: the new version goes to the model with both again
        Locator question = page.locator(".message.user").last();
        assertThat(question.locator(".message-attachments > *")).hasCount(2);
        question.hover();
        button(question, "Edit").click();
        Locator editorFiles = page.locator(".message-editor .editor-attachments .attachment-chip");
        assertThat(editorFiles).hasCount(2);
        page.getByLabel("Edit your message").fill("What is on the photo and in the list?");
        screenshot(page, "attachments-edit-keeps-files");
        OPENAI.enqueue(Reply.answer("Saffron at a market."));
        button(page.locator(".message-editor"), "Send").click();
        assertThat(page.locator(".message.assistant").last().locator(".markdown")).hasText("Saffron at a market.");
        RecordedRequest.Message edited = OPENAI.requests().getLast().messages().getLast();
        org.assertj.core.api.Assertions.assertThat(edited.content()).startsWith("What is on the photo and in the list?")
                .contains("shopping-list.txt").contains("Buy saffron, quince and green tea.");
        org.assertj.core.api.Assertions.assertThat(edited.imageUrls()).containsExactly(dataUrl);
        assertThat(page.locator(".message.user").last().locator(".message-attachments > *")).hasCount(2);

        // regenerate sends the question's files again
        OPENAI.enqueue(Reply.answer("Quince and tea, at a market."));
        Locator answer = page.locator(".message.assistant").last();
        answer.hover();
        button(answer, "Regenerate").click();
        assertThat(page.locator(".message.assistant").last().locator(".markdown")).hasText("Quince and tea, at a market.");
        RecordedRequest.Message again = OPENAI.requests().getLast().messages().getLast();
        org.assertj.core.api.Assertions.assertThat(again.content()).contains("Buy saffron, quince and green tea.");
        org.assertj.core.api.Assertions.assertThat(again.imageUrls()).containsExactly(dataUrl);

        // edited again with the picture taken out in the editor: only the list goes
        question = page.locator(".message.user").last();
        question.hover();
        button(question, "Edit").click();
        button(page.locator(".message-editor"), "Remove market-photo.png").click();
        assertThat(editorFiles).hasCount(1);
        page.getByLabel("Edit your message").fill("Only the list, please.");
        OPENAI.enqueue(Reply.answer("Saffron, quince, tea."));
        button(page.locator(".message-editor"), "Send").click();
        assertThat(page.locator(".message.assistant").last().locator(".markdown")).hasText("Saffron, quince, tea.");
        RecordedRequest.Message without = OPENAI.requests().getLast().messages().getLast();
        org.assertj.core.api.Assertions.assertThat(without.content()).contains("Buy saffron, quince and green tea.").doesNotContain("market-photo");
        org.assertj.core.api.Assertions.assertThat(without.imageUrls()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(OPENAI.violations()).isEmpty();

        page.reload();
        Locator shown = page.locator(".message.user").last().locator(".message-attachments");
        assertThat(shown.locator(".attachment-chip")).containsText("shopping-list.txt");
        assertThat(shown.locator(".thumbnail")).hasCount(0);
        // one stored file each, whatever the versions that carry them
        org.assertj.core.api.Assertions.assertThat(db.fetchCount(db.selectFrom("attachment").where("chat_id = ?", chatId))).isEqualTo(2);
        screenshot(page, "attachments-edit-left-one-out");

        // shared: the question shows its file by name and kind, with no link to it
        String csrf = page.locator("meta[name=_csrf]").getAttribute("content");
        String header = page.locator("meta[name=_csrf_header]").getAttribute("content");
        var shared = page.request().post(url("/api/chats/" + chatId + "/share"),
                com.microsoft.playwright.options.RequestOptions.create().setHeader(header, csrf));
        org.assertj.core.api.Assertions.assertThat(shared.status()).isEqualTo(201);
        Matcher token = Pattern.compile("\"token\":\"([A-Za-z0-9_-]+)\"").matcher(shared.text());
        org.assertj.core.api.Assertions.assertThat(token.find()).isTrue();
        page.navigate(url("/s/" + token.group(1)));
        Locator sharedFiles = page.locator(".message.user .message-attachments .attachment-chip");
        assertThat(sharedFiles).hasCount(1);
        assertThat(sharedFiles).containsText("shopping-list.txt");
        assertThat(page.locator(".message-attachments a, .message-attachments img")).hasCount(0);
        assertThat(page.locator(".shared-files-note")).hasText("Attached files are shown by name only: their contents are not shared.");
        screenshot(page, "attachments-shared-chat");
    }

    /** Drags {@code files} over the composer and drops them there, as a file manager would. */
    private static void dropOnComposer(Page on, Path... files) throws IOException {
        List<Object> described = new ArrayList<>();
        for (Path file : files) {
            String type = file.toString().endsWith(".png") ? "image/png" : "text/plain";
            described.add(List.of(file.getFileName().toString(), Base64.getEncoder().encodeToString(Files.readAllBytes(file)), type));
        }
        com.microsoft.playwright.JSHandle transfer = on.evaluateHandle("""
                (files) => {
                  const transfer = new DataTransfer();
                  for (const [name, base64, type] of files) {
                    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
                    transfer.items.add(new File([bytes], name, { type }));
                  }
                  return transfer;
                }""", described);
        Locator area = on.locator(".composer-area");
        area.dispatchEvent("dragenter", java.util.Map.of("dataTransfer", transfer));
        area.dispatchEvent("dragover", java.util.Map.of("dataTransfer", transfer));
        assertThat(area).hasClass(Pattern.compile(".*\\bdragging\\b.*"));
        screenshot(on, "attachments-drag-over-composer");
        area.dispatchEvent("drop", java.util.Map.of("dataTransfer", transfer));
        assertThat(area).not().hasClass(Pattern.compile(".*\\bdragging\\b.*"));
    }

    @Test
    void filesDroppedOnTheComposerAreUploaded_andAModelWithoutSightIsNamedInANotice() throws IOException {
        // a connection's model the admin did not mark as reading images (no key: nothing is sent to it here)
        db.execute("INSERT INTO provider_connection (name, kind, base_url, enabled, version, created) "
                + "VALUES ('Text only', 'OPENAI_COMPATIBLE', 'http://127.0.0.1:9/v1', TRUE, 1, NOW(3))");
        long connection = ((Number) db.fetchValue("SELECT MAX(id) FROM provider_connection")).longValue();
        db.execute("INSERT INTO provider_model (connection_id, model, position, display_name, vision) VALUES (?, 'plain-llm', 0, 'Plain LLM', FALSE)",
                connection);
        String textOnly = "conn-" + connection + "/plain-llm";
        try {
            awaitTrue("the picker offers the connection's model", java.time.Duration.ofSeconds(15), () -> {
                page.navigate(url("/"));
                return page.locator("#model option[value='" + textOnly + "']").count() == 1;
            });
            page.locator("#model").selectOption(textOnly);
            Path picture = photo("dropped-photo.png");
            Path notes = files.resolve("dropped-notes.txt");
            Files.writeString(notes, "Notes dropped on the composer.", StandardCharsets.UTF_8);

            dropOnComposer(page, picture, notes);

            Locator chips = page.locator("#attachment-tray .attachment-chip");
            assertThat(chips).hasCount(2);
            assertThat(chips.nth(0)).containsText("dropped-photo.png");
            assertThat(chips.nth(1)).containsText("dropped-notes.txt");
            assertThat(chips.nth(0).locator("img.chip-icon")).hasCount(1);
            Locator notice = page.locator("#attachment-notice");
            assertThat(notice).isVisible();
            assertThat(notice).containsText("The chosen model does not see pictures. Models that do: ");
            assertThat(notice).containsText("gpt-4o");
            assertThat(notice).not().containsText(textOnly);
            org.assertj.core.api.Assertions.assertThat(db.fetchCount(db.selectFrom("attachment")
                    .where("name in ('dropped-photo.png', 'dropped-notes.txt') and chat_id is null"))).isEqualTo(2);
            screenshot(page, "attachments-dropped-no-vision-notice");

            // a model that sees pictures: the notice goes
            page.locator("#model").selectOption("gpt-4o");
            assertThat(notice).isHidden();
            // and back: it is said again; sending anyway is refused with the question and the files kept
            page.locator("#model").selectOption(textOnly);
            assertThat(notice).isVisible();
            int before = OPENAI.requests().size();
            prompt(page).fill("Describe the photo");
            prompt(page).press("Enter");
            assertThat(page.locator(".message.user")).hasCount(0);
            assertThat(prompt(page)).hasValue("Describe the photo");
            assertThat(chips).hasCount(2);
            org.assertj.core.api.Assertions.assertThat(OPENAI.requests()).hasSize(before);
        } finally {
            db.execute("DELETE FROM provider_connection WHERE id = ?", connection);
        }
    }

    @Test
    void aTextRenamedPngIsRefusedAndTheQuestionStays() throws IOException {
        Path fake = files.resolve("holiday.png");
        Files.writeString(fake, "This is not a picture at all, only words.", StandardCharsets.UTF_8);
        int before = OPENAI.requests().size();

        prompt(page).fill("Describe my holiday photo, please");
        page.locator("#attach-input").setInputFiles(fake);

        Locator notice = page.locator("#attachment-notice");
        assertThat(notice).isVisible();
        assertThat(notice).hasText("“holiday.png” is not what its name says: its content is not a file of that kind.");
        assertThat(prompt(page)).hasValue("Describe my holiday photo, please");
        assertThat(page.locator("#attachment-tray .attachment-chip")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(OPENAI.requests()).hasSize(before);
        org.assertj.core.api.Assertions.assertThat(db.fetchCount(db.selectFrom("attachment").where("name = 'holiday.png'"))).isZero();
        screenshot(page, "attachments-refused-png");
    }

    @Test
    void screenshotsOfTheComposerWithChipsAndOfTheAdminsChatView() {
        OPENAI.answerAllWith(request -> "Noted.");
        Path pdf = fortyPagePdf();
        Path picture = photo("bazaar.png");
        long chatId = 0;
        for (boolean dark : new boolean[] {false, true}) {
            for (boolean phone : new boolean[] {false, true}) {
                String name = (phone ? "phone" : "desktop") + "-" + (dark ? "dark" : "light");
                NewContextOptions options = new NewContextOptions().setLocale("en-US").setColorScheme(dark ? ColorScheme.DARK : ColorScheme.LIGHT);
                options = phone ? options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2)
                        : options.setViewportSize(1280, 800);
                try (BrowserContext browser = Browser.newContext(options)) {
                    Page user = login(browser);
                    user.locator("#attach-input").setInputFiles(new Path[] {pdf, picture});
                    assertThat(user.locator("#attachment-tray .attachment-chip")).hasCount(2);
                    assertThat(user.locator("#attachment-tray .attachment-chip .chip-meta").first()).containsText("40 pages");
                    prompt(user).fill("Compare the report with the photo");
                    screenshot(user, "attachments-composer-" + name);
                    if (chatId == 0) {
                        prompt(user).press("Enter");
                        assertThat(user.locator(".message.assistant").last().locator(".markdown")).hasText("Noted.",
                                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
                        chatId = chatIdInUrl(user);
                    }
                }
                try (BrowserContext admin = Browser.newContext(options)) {
                    Page view = admin.newPage();
                    view.navigate(url("/admin/login"));
                    view.locator("#username").fill(ADMIN_USERNAME);
                    view.locator("#password").fill(ADMIN_PASSWORD);
                    view.locator("form.form button[type=submit]").click();
                    assertThat(view).hasURL(url("/admin"));
                    view.navigate(url("/admin/chats/" + chatId));
                    Locator files = view.locator(".chat-attachments");
                    assertThat(files.locator(".attachment-chip")).hasCount(2);
                    assertThat(files).containsText("observatory-report.pdf");
                    assertThat(files.locator(".thumbnail img")).hasAttribute("alt", "bazaar.png");
                    files.scrollIntoViewIfNeeded();
                    screenshot(view, "admin-chat-attachments-" + name);
                }
            }
        }
    }

    private static void screenshot(Page of, String name) {
        of.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
    }
}

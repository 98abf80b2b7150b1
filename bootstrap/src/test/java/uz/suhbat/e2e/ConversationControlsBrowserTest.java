package uz.suhbat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.fake.Reply;

/**
 * The conversation controls in headless Chromium: a model's title arrives in the sidebar, search finds a chat by a word
 * of an answer, a share link opens in a signed-out browser and 404s after revoke, feedback reaches the admin's
 * dashboard, pin and archive, and the data download holds every chat. Screenshots at desktop and phone width, light and
 * dark, in target/screenshots/conversation-*.png.
 */
class ConversationControlsBrowserTest extends EndToEndTest {

    private static final Pattern CHAT_URL = Pattern.compile(".*/c/(\\d+)$");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("conversation-" + name + ".png")));
    }

    private Page signedIn(BrowserContext context, String name) {
        Page page = context.newPage();
        // a script error on the page fails the walk with its message, not with a timeout far from it
        page.onPageError(error -> pageErrors.add(error));
        page.onConsoleMessage(message -> {
            pageErrors.add(message.type() + ": " + message.text());
        });
        page.navigate(url("/login"));
        page.getByLabel("Username or e-mail").fill(name);
        page.getByLabel("Password").fill("a long passphrase for " + name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page).hasURL(url("/"));
        // the redirect's URL shows before the page's scripts have run: wait for them before typing
        page.waitForLoadState();
        return page;
    }

    private final java.util.List<String> pageErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void send(Page page, String text) {
        Locator prompt = page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true));
        prompt.fill(text);
        prompt.press("Enter");
        try {
            assertThat(page).hasURL(CHAT_URL);
        } catch (AssertionError e) {
            shot(page, "failed-send");
            Object modules = page.evaluate("async () => { const out = []; for (const m of ['/js/chat/state.js', '/js/chat/sidebar.js', "
                    + "'/js/chat/conversation.js', '/js/conversation-controls.js', '/js/chat.js']) { try { await import(m); out.push(m + ' ok'); } "
                    + "catch (e) { out.push(m + ' ' + e); } } return out.join(' | '); }");
            throw new AssertionError("modules: " + modules + "\nscript errors: " + pageErrors + "\nstate: " + page.locator("#chat-app").getAttribute("data-state")
                    + "\nlist: " + page.locator("#chat-list").innerHTML() + "\nmessages: " + page.locator("#messages").innerHTML(), e);
        }
        assertThat(page.locator(".message.assistant[data-rank]").last()).isVisible();
    }

    @Test
    void titlesSearchShareFeedbackArchiveAndDownloadInTheBrowser() throws IOException {
        verifiedUser("malika");
        // the title model names each chat after the first word of its question
        OPENAI.route(TITLE_MODEL, request -> Reply.answer("Chat about " + request.messages().get(1).content().split(" ")[0], 2,
                Duration.ofMillis(200)));
        BrowserContext context = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(1280, 800)
                .setAcceptDownloads(true));
        try {
            Page page = signedIn(context, "malika");

            // a model's title arrives in the sidebar after the first answer
            OPENAI.enqueue(Reply.answer("The Great Silk Road ran through Samarkand and Bukhara to Chang'an.", 3, Duration.ofMillis(20)));
            send(page, "Caravans: which cities did they cross?");
            long silkRoad = Long.parseLong(CHAT_URL.matcher(page.url()).replaceAll("$1"));
            assertThat(page.locator("#chat-list")).containsText("Chat about Caravans:");
            page.navigate(url("/"));
            OPENAI.enqueue(Reply.answer("Rice, carrots, onions and lamb, cooked in a kazan.", 2, Duration.ZERO));
            send(page, "Plov: what goes into it?");
            long plov = Long.parseLong(CHAT_URL.matcher(page.url()).replaceAll("$1"));
            assertThat(page.locator("#chat-list")).containsText("Chat about Plov:");

            // search (Ctrl+K) finds the first chat by a word of its answer, with the word marked
            page.keyboard().press("Control+K");
            assertThat(page.locator("#chat-search")).isFocused();
            page.locator("#chat-search").pressSequentially("bukhara");
            Locator hit = page.locator("#search-results .search-hit");
            assertThat(hit).hasCount(1);
            assertThat(hit.locator("mark")).hasText("Bukhara");
            assertThat(hit).containsText("Chat about Caravans:");
            shot(page, "search-desktop-light");
            hit.locator("a").click();
            assertThat(page).hasURL(url("/c/" + silkRoad));

            // feedback: thumbs down with a comment
            Locator answer = page.locator(".message.assistant").last();
            answer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bad answer")).click();
            answer.getByPlaceholder("Comment (optional)").fill("Too short, no dates");
            answer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send")).click();
            assertThat(answer.locator(".feedback-thanks")).isVisible();
            assertThat(answer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bad answer")))
                    .hasAttribute("aria-pressed", "true");

            // share: a signed-out browser reads the chat; after revoke it gets 404
            page.locator("#share-button").click();
            page.locator("#share-create").click();
            Locator link = page.locator("#share-url");
            assertThat(link).hasValue(Pattern.compile(".*/s/[A-Za-z0-9_-]{32}$"));
            String shareUrl = link.inputValue();
            shot(page, "share-dialog-desktop-light");
            BrowserContext nobody = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(390, 844)
                    .setColorScheme(ColorScheme.DARK));
            try {
                Page shared = nobody.newPage();
                Response opened = shared.navigate(shareUrl);
                assertThat(opened.status()).isEqualTo(200);
                assertThat(shared.locator(".message.assistant")).containsText("Samarkand and Bukhara");
                assertThat(shared.locator("meta[name=robots]")).hasAttribute("content", "noindex, nofollow");
                assertThat(shared.locator("body")).not().containsText("malika");
                shot(shared, "shared-phone-dark");
                page.locator("#share-revoke").click();
                assertThat(page.locator("#share-status")).hasText("The link was revoked.");
                assertThat(shared.navigate(shareUrl).status()).isEqualTo(404);
            } finally {
                nobody.close();
            }
            page.keyboard().press("Escape");

            // pin and archive: the plov chat goes first, then leaves the sidebar for the profile
            Locator plovItem = page.locator("#chat-list .chat-item", new Page.LocatorOptions().setHasText("Chat about Plov:"));
            plovItem.hover();
            plovItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pin: Chat about Plov:")).click();
            assertThat(page.locator("#chat-list .chat-group").first()).containsText("Pinned");
            assertThat(page.locator("#chat-list .chat-group").first()).containsText("Chat about Plov:");
            shot(page, "sidebar-pinned-desktop-light");
            plovItem = page.locator("#chat-list .chat-item", new Page.LocatorOptions().setHasText("Chat about Plov:"));
            plovItem.hover();
            plovItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Archive: Chat about Plov:")).click();
            assertThat(page.locator("#chat-list")).not().containsText("Chat about Plov:");

            // the profile lists the archived chat and downloads every chat
            page.navigate(url("/profile"));
            assertThat(page.locator(".archived-chats")).containsText("Chat about Plov:");
            Download download = page.waitForDownload(() -> page.locator("#download-data").click());
            Map<String, String> files = new LinkedHashMap<>();
            try (InputStream raw = Files.newInputStream(download.path());
                 ZipInputStream zip = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertThat(files.keySet()).contains("chats.json").anyMatch(f -> f.startsWith("markdown/" + silkRoad + "-"))
                    .anyMatch(f -> f.startsWith("markdown/" + plov + "-")).hasSize(3);
            assertThat(files.get("chats.json")).contains("Samarkand and Bukhara").contains("kazan");
            page.locator("#archived-heading").scrollIntoViewIfNeeded();
            shot(page, "profile-archive-desktop-light");

            // phone width, dark: the search in the opened sidebar
            BrowserContext phone = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(390, 844)
                    .setColorScheme(ColorScheme.DARK).setStorageState(context.storageState()));
            try {
                Page small = phone.newPage();
                small.navigate(url("/c/" + silkRoad));
                assertThat(small.locator(".message.assistant .feedback")).isVisible();
                shot(small, "chat-phone-dark");
                // the shortcut works once the page's scripts have wired it, which can come a moment after the server's
                // HTML shows: pressed again until it has focused the search (at most 5 s), as a user would
                for (int i = 0; i < 25 && !Boolean.TRUE.equals(small.evaluate("() => document.activeElement?.id === 'chat-search'")); i++) {
                    small.keyboard().press("Control+K");
                    small.waitForTimeout(200);
                }
                assertThat(small.locator("#chat-search")).isFocused();
                small.locator("#chat-search").pressSequentially("bukhara");
                assertThat(small.locator("#search-results .search-hit mark")).hasText("Bukhara");
                shot(small, "search-phone-dark");
            } finally {
                phone.close();
            }
            BrowserContext darkDesktop = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(1280, 800)
                    .setColorScheme(ColorScheme.DARK).setStorageState(context.storageState()));
            try {
                Page dark = darkDesktop.newPage();
                dark.navigate(url("/c/" + silkRoad));
                dark.locator("#share-button").click();
                shot(dark, "share-dialog-desktop-dark");
            } finally {
                darkDesktop.close();
            }
        } finally {
            context.close();
            withTitleRoute(OPENAI);
        }

        // the admin sees the feedback per model on the dashboard and beside the answer
        BrowserContext admin = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(1280, 800));
        try {
            Page page = admin.newPage();
            page.navigate(url("/admin/login"));
            page.locator("#username").fill(ADMIN_USERNAME);
            page.locator("#password").fill(ADMIN_PASSWORD);
            page.locator("form.form button[type=submit]").click();
            assertThat(page).hasURL(url("/admin"));
            Locator rates = page.locator("table.feedback-rates");
            assertThat(rates.locator("tr", new Locator.LocatorOptions().setHasText("gpt-4o-mini"))).containsText("0 %");
            page.locator("#feedback-heading").scrollIntoViewIfNeeded();
            shot(page, "admin-feedback-desktop-light");
        } finally {
            admin.close();
        }
        assertThat(OPENAI.violations()).isEmpty();
    }
}

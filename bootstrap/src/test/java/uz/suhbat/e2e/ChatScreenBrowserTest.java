package uz.suhbat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.Reply;

/**
 * The chat screen in headless Chromium against the fake OpenAI server: one signed-in browser for
 * the whole class, a page load per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatScreenBrowserTest extends EndToEndTest {

    private static final Pattern CHAT_URL = Pattern.compile(".*/c/(\\d+)$");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @Autowired
    DSLContext db;

    private BrowserContext context;
    private Page page;
    private final AtomicInteger dialogs = new AtomicInteger();

    @BeforeAll
    void signIn() {
        AccountsDriver mail = new AccountsDriver(url(""), MAIL);
        mail.register("dilnoza", "dilnoza@example.uz", "a long passphrase 12");
        mail.get(mail.linkPathMailedTo("dilnoza@example.uz"));

        context = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(1280, 800));
        page = context.newPage();
        page.onDialog(dialog -> {
            dialogs.incrementAndGet();
            dialog.dismiss();
        });
        page.navigate(url("/login"));
        page.getByLabel("Username or e-mail").fill("dilnoza");
        page.getByLabel("Password").fill("a long passphrase 12");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page).hasURL(url("/"));
    }

    @AfterAll
    void closeBrowser() {
        context.close();
    }

    @BeforeEach
    void newChat() {
        page.navigate(url("/"));
    }

    private Locator prompt() {
        return page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true));
    }

    private Locator lastAnswer() {
        return page.locator(".message.assistant").last();
    }

    private void send(String text) {
        prompt().fill(text);
        prompt().press("Enter");
    }

    private long chatIdInUrl() {
        assertThat(page).hasURL(CHAT_URL);
        var m = CHAT_URL.matcher(page.url());
        assertThat(m.matches()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private void screenshot(Page of, String name) {
        of.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    @Test
    void aMessageSentWithEnterStreamsBackAsMarkdownAndBecomesAChat() {
        Reply.Gated reply = Reply.gated(
                "## Ages\n\nHere is the table you asked for:\n\n",
                "| Name | Age |\n|---|---|\n| Ali | 30 |\n| Vali | 25 |\n\n",
                "And the code:\n\n```java\nint total = 30 + 25;\n```\n\nUse `total` as you like.");
        OPENAI.enqueue(reply);

        prompt().fill("Show me a table of ages");
        prompt().press("Shift+Enter");
        prompt().pressSequentially("please");
        assertThat(prompt()).hasValue("Show me a table of ages\nplease");
        prompt().press("Enter");

        assertThat(page.locator(".message.user").last()).hasText("Show me a table of ages\nplease");
        assertThat(page.locator(".message.assistant[aria-busy=true] h2")).hasText("Ages");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop"))).isVisible();
        assertThat(lastAnswer().locator("table")).hasCount(0);
        reply.next(2);

        assertThat(lastAnswer().locator("table td").first()).hasText("Ali");
        assertThat(lastAnswer().locator("pre code .hljs-type, pre code .hljs-keyword").first()).isVisible();
        assertThat(lastAnswer().locator(":not(pre) > code")).hasText("total");
        assertThat(lastAnswer().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy code"))).isVisible();
        assertThat(lastAnswer()).not().hasAttribute("aria-busy", "true");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))).isVisible();

        long chatId = chatIdInUrl();
        Locator inSidebar = page.locator("#chat-list a[href='/c/" + chatId + "']");
        assertThat(inSidebar).isVisible();
        assertThat(inSidebar.locator("xpath=ancestor::section/h2")).hasText("Today");
        assertThat(page.locator(".chat-link[aria-current=page]")).hasAttribute("href", "/c/" + chatId);
        screenshot(page, "chat-desktop-light");

        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        screenshot(page, "chat-desktop-dark");
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        assertThat(OPENAI.violations()).isEmpty();
    }

    @Test
    void switchingTheModelMidChatSendsTheNewModelWithTheNextMessage() {
        List<String> offered = page.locator("#model option").allTextContents();
        assertThat(offered).hasSizeGreaterThanOrEqualTo(2);
        String first = page.locator("#model option").nth(0).getAttribute("value");
        String second = page.locator("#model option").nth(1).getAttribute("value");
        page.getByLabel("Model").selectOption(first);
        OPENAI.enqueue(Reply.answer("First answer."), Reply.answer("Second answer."));

        send("Hello");
        assertThat(lastAnswer()).hasText("First answer.");
        long chatId = chatIdInUrl();
        page.getByLabel("Model").selectOption(second);
        send("And again");
        assertThat(lastAnswer()).hasText("Second answer.");

        List<RecordedRequest> requests = OPENAI.requests();
        assertThat(requests.get(requests.size() - 2).model()).isEqualTo(first);
        assertThat(requests.getLast().model()).isEqualTo(second);
        page.reload();
        assertThat(page.getByLabel("Model")).hasValue(second);
        assertThat(db.fetchValue("select model from chat where id = ?", chatId)).isEqualTo(second);
    }

    @Test
    void modelOutputCannotRunScriptNorLoadRemoteContent() {
        OPENAI.enqueue(Reply.answer("""
                Look: <script>window.pwned = 1</script>

                <img src=x onerror="window.pwned = 2; alert(2)">

                <iframe src="https://example.com"></iframe>

                [click me](javascript:window.pwned=3) and [a real link](https://example.com/docs)
                ![tracker](https://example.com/pixel.png)

                <a href="#" onclick="window.pwned = 4">also me</a> <b style="color:red">bold</b>
                """));
        send("Say something dangerous");

        Locator answer = lastAnswer();
        assertThat(answer).containsText("also me");
        assertThat(answer).not().hasAttribute("aria-busy", "true");
        assertThat(answer.locator("script, iframe, img, [onclick], [onerror], [style]")).hasCount(0);
        assertThat(answer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("a real link")))
                .hasAttribute("rel", "noopener noreferrer");
        assertThat(answer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("a real link")))
                .hasAttribute("target", "_blank");
        String clickMe = answer.getByText("click me").getAttribute("href");
        assertThat(clickMe == null || !clickMe.startsWith("javascript")).isTrue();
        answer.getByText("click me").click();
        answer.getByText("also me").click();
        assertThat(page.evaluate("() => typeof window.pwned")).isEqualTo("undefined");
        assertThat(dialogs).hasValue(0);
        assertThat(answer).containsText("tracker");
    }

    @Test
    void stopKeepsThePartialAnswer_andOffersRetryAsAfterAReload() {
        Reply.Gated reply = Reply.gated("The first part arrives. ", "Then more ", "and more ", "and more.");
        OPENAI.enqueue(reply);
        send("Tell me a long story");
        assertThat(lastAnswer()).containsText("The first part arrives.");
        long chatId = chatIdInUrl();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop")).click();

        assertThat(lastAnswer()).containsText("This answer did not finish.");
        assertThat(lastAnswer()).containsText("The first part arrives.");
        assertThat(lastAnswer().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))).isVisible();

        // Stop tells the server at once (POST /api/chats/{id}/stop), which keeps what arrived as interrupted
        awaitTrue("the stopped answer stored as interrupted", Duration.ofSeconds(10), () -> db.fetchExists(db.selectOne().from("chat_history")
                .where("chat_id = ? and role = 'assistant' and status = 'interrupted'", chatId)));
        reply.next(3); // the rest goes to an answer that was stopped: nothing changes
        page.navigate(url("/c/" + chatId));
        assertThat(lastAnswer()).containsText("The first part arrives.");
        assertThat(lastAnswer()).containsText("This answer did not finish.");
        assertThat(lastAnswer().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry"))).isVisible();
    }

    @Test
    void anUpstreamErrorIsASentenceAndRetryAnswersWithoutRepeatingTheMessage() {
        OPENAI.enqueue(Reply.error(400, "invalid_request_error", null, "Something upstream went wrong {\"raw\": true}"));
        send("Will this work?");

        Locator error = page.getByRole(AriaRole.ALERT);
        assertThat(error).isVisible();
        assertThat(error).not().containsText("{");
        assertThat(page.locator(".message.user")).hasText(new String[] {"Will this work?"});
        long chatId = chatIdInUrl();
        screenshot(page, "chat-error");

        OPENAI.enqueue(Reply.answer("Yes, now it works."));
        error.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")).click();
        assertThat(lastAnswer()).hasText("Yes, now it works.");
        assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);

        page.navigate(url("/c/" + chatId));
        assertThat(page.locator(".message.user")).hasText(new String[] {"Will this work?"});
        assertThat(lastAnswer()).hasText("Yes, now it works.");
        assertThat(OPENAI.requests().getLast().messages().stream().filter(m -> "user".equals(m.role())).count()).isEqualTo(1);
    }

    @Test
    void fewMessagesLeftAreCountedAndAtTheLimitTheComposerGivesWayToANotice() {
        OPENAI.enqueue(Reply.answer("Noted."));
        send("One");
        assertThat(lastAnswer()).hasText("Noted.");
        long chatId = chatIdInUrl();

        db.execute("update chat set message_limit = 3 where id = ?", chatId);
        page.reload();
        assertThat(page.getByText("2 messages left in this chat.")).isVisible();

        db.execute("update chat set message_limit = 1 where id = ?", chatId);
        send("Two, refused");
        Locator notice = page.getByText("This chat has reached its limit");
        assertThat(notice).isVisible();
        assertThat(prompt()).isHidden();
        screenshot(page, "chat-limit");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New chat")).last().click();
        assertThat(page).hasURL(url("/"));
        assertThat(prompt()).hasValue("Two, refused");
    }

    @Test
    void nearTheDailyQuotaTheScreenSaysWhatIsLeft_andOnceUsedTheComposerGivesWayToANotice() {
        long userId = db.fetchSingle("select id from user where username = 'dilnoza'").get(0, Long.class);
        db.execute("update user set daily_quota = 2 where id = ?", userId);
        try {
            page.reload();
            assertThat(page.getByText("Messages left today: 2.")).isVisible();
            OPENAI.enqueue(Reply.answer("First."), Reply.answer("Second."));

            send("Quota one");
            assertThat(lastAnswer()).hasText("First.");
            assertThat(page.getByText("Messages left today: 1.")).isVisible();
            send("Quota two");
            assertThat(lastAnswer()).hasText("Second.");

            Locator notice = page.getByText("You have used today's 2 messages.");
            assertThat(notice).isVisible();
            assertThat(prompt()).isHidden();
            screenshot(page, "chat-daily-quota");
            page.reload();
            assertThat(notice).isVisible();
            assertThat(prompt()).isHidden();
        } finally {
            db.execute("update user set daily_quota = null where id = ?", userId);
            db.execute("delete from user_daily_usage where user_id = ?", userId);
        }
    }

    @Test
    void aChatPickedInTheSidebarOpensWithoutReloading_andBackReturnsToThePreviousOne() {
        OPENAI.enqueue(Reply.answer("Answer about apples."));
        send("Sidebar apples");
        assertThat(lastAnswer()).hasText("Answer about apples.");
        long apples = chatIdInUrl();
        page.navigate(url("/"));
        OPENAI.enqueue(Reply.answer("Answer about pears."));
        send("Sidebar pears");
        assertThat(lastAnswer()).hasText("Answer about pears.");
        long pears = chatIdInUrl();
        page.evaluate("window.samePage = true");

        page.locator("#chat-list a[href='/c/" + apples + "']").click();

        assertThat(page).hasURL(url("/c/" + apples));
        assertThat(page.locator(".message.user")).hasText(new String[] {"Sidebar apples"});
        assertThat(lastAnswer()).hasText("Answer about apples.");
        assertThat(page.locator(".chat-link[aria-current=page]")).hasAttribute("href", "/c/" + apples);
        assertThat(page.evaluate("window.samePage === true")).as("no page load").isEqualTo(true);

        page.goBack();
        assertThat(page).hasURL(url("/c/" + pears));
        assertThat(page.locator(".message.user")).hasText(new String[] {"Sidebar pears"});
        assertThat(page.evaluate("window.samePage === true")).isEqualTo(true);
        OPENAI.enqueue(Reply.answer("More about pears."));
        send("And more?");
        assertThat(lastAnswer()).hasText("More about pears.");
        assertThat(OPENAI.requests().get(OPENAI.requests().size() - 1).messages())
                .extracting(m -> m.content()).containsSubsequence("Sidebar pears", "Answer about pears.", "And more?");
    }

    @Test
    void aChatIsRenamedInPlaceAndDeletedAfterConfirming() {
        OPENAI.enqueue(Reply.answer("Fine."));
        send("Name me later");
        assertThat(lastAnswer()).hasText("Fine.");
        long chatId = chatIdInUrl();
        Locator item = page.locator("#chat-list li").filter(new Locator.FilterOptions()
                .setHas(page.locator("a[href='/c/" + chatId + "']")));

        item.hover();
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename: Name me later")).click();
        Locator title = page.locator("#chat-list").getByLabel("Chat title");
        title.fill("Plov recipes");
        title.press("Enter");
        assertThat(item.getByRole(AriaRole.LINK)).hasText("Plov recipes");
        assertThat(db.fetchValue("select title from chat where id = ?", chatId)).isEqualTo("Plov recipes");

        item.hover();
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete: Plov recipes")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Plov recipes");
        screenshot(page, "chat-delete-dialog");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
        assertThat(dialog).isHidden();
        assertThat(db.fetchExists(db.selectOne().from("chat").where("id = ?", chatId))).isTrue();

        item.hover();
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete: Plov recipes")).click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(page).hasURL(url("/"));
        assertThat(page.locator("#chat-list a[href='/c/" + chatId + "']")).hasCount(0);
        assertThat(db.fetchExists(db.selectOne().from("chat").where("id = ?", chatId))).isFalse();

        assertThat(page.navigate(url("/c/" + chatId)).status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Chat not found");
    }

    @Test
    void onAPhoneTheSidebarHidesBehindTheMenuButton() {
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            try (BrowserContext phone = Browser.newContext(new NewContextOptions().setLocale("en-US")
                    .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
                    .setColorScheme(scheme).setStorageState(context.storageState()))) {
                Page small = phone.newPage();
                small.navigate(url("/"));
                Locator sidebar = small.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Chats panel"));
                assertThat(sidebar).not().isInViewport();
                OPENAI.enqueue(Reply.answer("- one\n- two\n\n```python\nprint('hi')\n```"));
                small.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill("A list and some code, please");
                small.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).press("Enter");
                assertThat(small.locator(".message.assistant li").last()).hasText("two");
                String name = scheme == ColorScheme.LIGHT ? "light" : "dark";
                screenshot(small, "chat-phone-" + name);

                small.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open menu")).click();
                assertThat(sidebar).isInViewport();
                small.waitForTimeout(300);
                screenshot(small, "chat-phone-menu-" + name);
                small.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close menu")).click();
                assertThat(sidebar).not().isInViewport();
            }
        }
    }
}

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
import java.util.List;
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
 * Message actions, versions and branches, Stop and Retry, and the keyboard, in headless Chromium against the fake
 * OpenAI server: the walk of issue 15 (send, regenerate, switch versions, edit a question and go on on the new branch,
 * switch back, Stop then Retry, a failed question removed), with screenshots at desktop and phone width, light and dark.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageVersionsBrowserTest extends EndToEndTest {

    private static final Pattern CHAT_URL = Pattern.compile(".*/c/(\\d+)$");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @Autowired
    DSLContext db;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    void signIn() {
        AccountsDriver mail = new AccountsDriver(url(""), MAIL);
        mail.register("bekzod", "bekzod@example.uz", "a long passphrase 34");
        mail.get(mail.linkPathMailedTo("bekzod@example.uz"));
        context = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(1280, 800));
        page = context.newPage();
        page.navigate(url("/login"));
        page.getByLabel("Username or e-mail").fill("bekzod");
        page.getByLabel("Password").fill("a long passphrase 34");
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

    private Locator questions() {
        return page.locator(".message.user .bubble");
    }

    private void send(String text) {
        prompt().fill(text);
        prompt().press("Enter");
    }

    private static Locator button(Locator in, String name) {
        return in.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static List<String> sent(RecordedRequest request) {
        return request.messages().stream().map(m -> m.role() + ":" + m.content()).toList();
    }

    private void screenshot(Page of, String name) {
        of.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    void sendRegenerateSwitchEditGoOnSwitchBackStopRetryAndRemoveAFailedQuestion() {
        // send
        OPENAI.enqueue(Reply.answer("Paris is the capital."));
        send("What is the capital of France?");
        assertThat(lastAnswer().locator(".markdown")).hasText("Paris is the capital.");
        assertThat(page).hasURL(CHAT_URL);
        var chatUrl = CHAT_URL.matcher(page.url());
        assertThat(chatUrl.matches()).isTrue();
        long chatId = Long.parseLong(chatUrl.group(1));

        // regenerate: the earlier answer stays as version 1
        OPENAI.enqueue(Reply.answer("The capital of France is Paris."));
        lastAnswer().hover();
        button(lastAnswer(), "Regenerate").click();
        assertThat(lastAnswer().locator(".markdown")).hasText("The capital of France is Paris.");
        assertThat(lastAnswer().locator(".version-position")).hasText("2/2");
        assertThat(sent(OPENAI.requests().getLast())).containsExactly("user:What is the capital of France?");

        // switch versions
        button(lastAnswer(), "Previous version").click();
        assertThat(lastAnswer().locator(".markdown")).hasText("Paris is the capital.");
        assertThat(lastAnswer().locator(".version-position")).hasText("1/2");
        button(lastAnswer(), "Next version").click();
        assertThat(lastAnswer().locator(".markdown")).hasText("The capital of France is Paris.");

        // a second question, then edit it: the conversation goes on from the edit, as a new branch
        OPENAI.enqueue(Reply.answer("About 2 million people."));
        send("How many people live there?");
        assertThat(lastAnswer().locator(".markdown")).hasText("About 2 million people.");
        Locator second = page.locator(".message.user").last();
        second.hover();
        button(second, "Edit").click();
        Locator editor = page.getByLabel("Edit your message");
        assertThat(editor).hasValue("How many people live there?");
        editor.fill("How many people live in Lyon?");
        OPENAI.enqueue(Reply.answer("About 500 thousand people."));
        button(page.locator(".message-editor"), "Send").click();
        assertThat(lastAnswer().locator(".markdown")).hasText("About 500 thousand people.");
        assertThat(questions()).hasText(new String[] {"What is the capital of France?", "How many people live in Lyon?"});
        assertThat(page.locator(".message.user").last().locator(".version-position")).hasText("2/2");
        assertThat(sent(OPENAI.requests().getLast())).as("the upstream sees only the new branch").containsExactly(
                "user:What is the capital of France?", "assistant:The capital of France is Paris.", "user:How many people live in Lyon?");

        OPENAI.enqueue(Reply.answer("Lyon lies on the Rhône."));
        send("And which river?");
        assertThat(lastAnswer().locator(".markdown")).hasText("Lyon lies on the Rhône.");
        assertThat(sent(OPENAI.requests().getLast())).containsExactly("user:What is the capital of France?",
                "assistant:The capital of France is Paris.", "user:How many people live in Lyon?", "assistant:About 500 thousand people.",
                "user:And which river?");
        assertThat(button(lastAnswer(), "Regenerate")).isVisible();
        page.mouse().move(5, 5);
        screenshot(page, "versions-desktop-light");
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        screenshot(page, "versions-desktop-dark");
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));

        // switch back: the old branch, whole
        Locator edited = page.locator(".message.user").nth(1);
        edited.hover();
        button(edited, "Previous version").click();
        assertThat(questions()).hasText(new String[] {"What is the capital of France?", "How many people live there?"});
        assertThat(lastAnswer().locator(".markdown")).hasText("About 2 million people.");
        page.reload();
        assertThat(questions()).hasText(new String[] {"What is the capital of France?", "How many people live there?"});

        // Stop (Esc) then Retry: the stopped answer shows the same control, which answers again
        Reply.Gated story = Reply.gated("The story begins. ", "Then more ", "and more.");
        OPENAI.enqueue(story);
        send("Tell me a long story");
        assertThat(lastAnswer()).containsText("The story begins.");
        page.keyboard().press("Escape");
        assertThat(lastAnswer()).containsText("This answer did not finish.");
        Locator retry = button(lastAnswer(), "Retry");
        assertThat(retry).isVisible();
        story.next(2);
        screenshot(page, "versions-stopped");
        OPENAI.enqueue(Reply.answer("Once upon a time, and the end."));
        retry.click();
        assertThat(lastAnswer().locator(".markdown")).hasText("Once upon a time, and the end.");
        assertThat(lastAnswer().locator(".version-position")).hasText("2/2");
        assertThat(lastAnswer()).not().containsText("did not finish");
        page.reload();
        assertThat(lastAnswer().locator(".markdown")).hasText("Once upon a time, and the end.");
        button(lastAnswer(), "Previous version").click();
        assertThat(lastAnswer()).containsText("The story begins.");
        assertThat(lastAnswer()).containsText("This answer did not finish.");
        button(lastAnswer(), "Next version").click();

        // a failed question: it offers Retry, Edit and Remove; removed, it is gone
        OPENAI.enqueue(Reply.error(400, "invalid_request_error", null, "upstream refused"));
        send("Will this one fail?");
        Locator problem = page.getByRole(AriaRole.ALERT);
        assertThat(problem).isVisible();
        assertThat(button(problem, "Retry")).isVisible();
        assertThat(button(problem, "Edit")).isVisible();
        screenshot(page, "versions-failed-question");
        button(problem, "Remove").click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);
        assertThat(questions().last()).hasText("Tell me a long story");
        assertThat(db.fetchExists(db.selectOne().from("chat_history").where("chat_id = ? and content = 'Will this one fail?'", chatId)))
                .isFalse();
        page.reload();
        assertThat(questions().last()).hasText("Tell me a long story");
        assertThat(lastAnswer().locator(".markdown")).hasText("Once upon a time, and the end.");
        assertThat(OPENAI.violations()).isEmpty();

        // the same chat on a phone, light and dark: the actions are always shown
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            try (BrowserContext phone = Browser.newContext(new NewContextOptions().setLocale("en-US")
                    .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
                    .setColorScheme(scheme).setStorageState(context.storageState()))) {
                Page small = phone.newPage();
                small.navigate(url("/c/" + chatId));
                Locator firstAnswer = small.locator(".message.assistant").first();
                assertThat(firstAnswer.locator(".version-position")).isVisible();
                assertThat(firstAnswer.locator(".message-action.copy")).hasCSS("opacity", "1");
                small.locator(".message.assistant").first().scrollIntoViewIfNeeded();
                small.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("versions-phone-"
                        + (scheme == ColorScheme.LIGHT ? "light" : "dark") + ".png")));
            }
        }
    }

    @Test
    void keyboardShortcuts_copyTheLastAnswer_editTheLastQuestion_listThemAll_andStartANewChat() {
        OPENAI.enqueue(Reply.answer("Copy **me**, please."));
        send("Shortcut test");
        assertThat(lastAnswer().locator(".markdown")).hasText("Copy me, please.");

        // what reaches the clipboard API, whatever the headless browser's clipboard allows
        page.evaluate("() => { window.copied = []; navigator.clipboard.writeText = (t) => { window.copied.push(t); return Promise.resolve(); }; }");
        page.keyboard().press("Control+Shift+C");
        page.waitForFunction("() => window.copied.length > 0");
        assertThat(page.evaluate("() => window.copied")).as("the answer as Markdown").isEqualTo(List.of("Copy **me**, please."));
        assertThat(lastAnswer().locator(".message-action.copy")).hasAttribute("aria-label", "Copied");
        Locator question = page.locator(".message.user").last();
        question.hover();
        button(question, "Copy").click();
        assertThat(page.evaluate("() => window.copied")).isEqualTo(List.of("Copy **me**, please.", "Shortcut test"));

        prompt().focus();
        page.keyboard().press("ArrowUp");
        Locator editor = page.getByLabel("Edit your message");
        assertThat(editor).isFocused();
        assertThat(editor).hasValue("Shortcut test");
        editor.press("Escape");
        assertThat(editor).hasCount(0);
        assertThat(questions()).hasText(new String[] {"Shortcut test"});

        page.keyboard().press("Control+/");
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"));
        assertThat(dialog).isVisible();
        assertThat(dialog).containsText("Copy the last answer");
        screenshot(page, "shortcuts-dialog");
        button(dialog, "Close").click();
        assertThat(dialog).isHidden();

        page.keyboard().press("Control+Shift+O");
        assertThat(page).hasURL(url("/"));
        assertThat(page.locator(".message")).hasCount(0);
    }
}

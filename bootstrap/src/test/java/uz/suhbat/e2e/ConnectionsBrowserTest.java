package uz.suhbat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Path;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uz.suhbat.adapter.out.ai.fake.FakeAnthropic;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.Reply;

/**
 * The admin adds a second connection in Chromium, an Ollama-style OpenAI-compatible server (a second fake upstream with
 * its own key), chooses one of the models it lists under a display name with defaults; a user picks that model and its
 * answer streams in; the admin turns the connection off and the model leaves the picker, its chat still readable. A model
 * of an Anthropic connection (the fake Messages API) streams in the same way.
 */
class ConnectionsBrowserTest extends EndToEndTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String OLLAMA_KEY = "ollama-e2e-key-7f3c9a1b5d";
    private static final String ANTHROPIC_KEY = "sk-ant-e2e-key-42c0ffee";

    @Autowired
    DSLContext db;

    @Test
    void aSecondConnectionsModelAnswersInTheChat_andLeavesThePickerWhenTheConnectionIsTurnedOff() {
        verifiedUser("ollamachi");
        try (FakeOpenAi ollama = FakeOpenAi.start().listModels("llama3.2:3b", "qwen2.5:7b").requireKey(OLLAMA_KEY);
             BrowserContext adminContext = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(1280, 800));
             BrowserContext userContext = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(1280, 800))) {
            Page admin = adminContext.newPage();
            admin.navigate(url("/admin/login"));
            admin.locator("#username").fill(ADMIN_USERNAME);
            admin.locator("#password").fill(ADMIN_PASSWORD);
            admin.locator("form.form button[type=submit]").click();

            // a connection is added with its address and key; the key is sealed, never stored or shown in clear
            admin.navigate(url("/admin/connections"));
            assertThat(admin.locator("#connections")).containsText("OPENAI_* in .env");
            admin.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Local Ollama");
            admin.getByLabel("Kind").selectOption("ANTHROPIC");
            assertThat(admin.getByLabel("Address (base URL)")).hasValue("https://api.anthropic.com/v1");
            admin.getByLabel("Kind").selectOption("OPENAI_COMPATIBLE");
            assertThat(admin.getByLabel("Address (base URL)")).hasValue("https://api.openai.com/v1");
            // an address the server refuses comes back with its reason, the name kept and the key not sent back
            admin.getByLabel("Address (base URL)").fill("ftp://ollama.local/v1");
            admin.getByLabel("API key").fill(OLLAMA_KEY);
            admin.locator("#add-connection button[type=submit]").click();
            assertThat(admin.locator("#baseUrl-error")).hasText("Enter a full address starting with http:// or https://.");
            assertThat(admin.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue("Local Ollama");
            assertThat(admin.getByLabel("API key")).hasValue("");
            admin.getByLabel("Address (base URL)").fill(ollama.baseUrl());
            admin.getByLabel("API key").fill(OLLAMA_KEY);
            admin.locator("#add-connection button[type=submit]").click();
            assertThat(admin.getByRole(com.microsoft.playwright.options.AriaRole.STATUS).first()).containsText("The connection was added");
            assertThat(admin.locator("h1")).hasText("Local Ollama");
            Record row = db.fetchOne("select id, api_key_sealed, api_key_hint from provider_connection where name = 'Local Ollama'");
            long connectionId = ((Number) row.get("id")).longValue();
            assertThat((String) row.get("api_key_sealed")).startsWith("v1.").doesNotContain(OLLAMA_KEY).doesNotContain("7f3c9a1b5d");
            assertThat(admin.content()).doesNotContain(OLLAMA_KEY);
            assertThat(admin.locator("#connection-settings")).containsText("…1b5d");

            // the models are listed from the connection itself, with its key, at its address
            assertThat(admin.locator("tr.model-row")).hasCount(2);
            assertThat(ollama.modelListRequests()).isNotEmpty()
                    .allSatisfy(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + OLLAMA_KEY));
            Locator llama = admin.locator("tr.model-row[data-model='llama3.2:3b']");
            llama.locator("input[name=offered]").check();
            llama.locator("input[name=displayName]").fill("Llama Local");
            llama.locator("input[name=temperature]").fill("0.3");
            llama.locator("textarea[name=systemPrompt]").fill("Answer in one short sentence.");
            admin.locator("#connection-models button[type=submit]").click();
            assertThat(admin.getByRole(com.microsoft.playwright.options.AriaRole.STATUS).first()).containsText("The models were saved");
            assertThat(admin.locator("tr.model-row[data-model='llama3.2:3b'] input[name=displayName]")).hasValue("Llama Local");
            screenshots(admin, "connection");
            admin.navigate(url("/admin/connections"));
            assertThat(admin.locator("tr.connection[data-connection='" + connectionId + "']")).containsText("Llama Local (llama3.2:3b)");
            screenshots(admin, "connections");

            // a user picks the model by its display name; the answer streams from the second connection
            Page user = userContext.newPage();
            user.navigate(url("/login"));
            user.getByLabel("Username or e-mail").fill("ollamachi");
            user.getByLabel("Password").fill("a long passphrase for ollamachi");
            user.locator("form.form button[type=submit]").click();
            assertThat(user).hasURL(url("/"));
            assertThat(user.locator("#model option", new Page.LocatorOptions().setHasText("Llama Local"))).hasCount(1);
            user.locator("#model").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Llama Local"));
            Reply.Gated answer = Reply.gated("Salom ", "from the ", "local llama.");
            ollama.enqueue(answer);
            Locator prompt = user.getByLabel("Message", new Page.GetByLabelOptions().setExact(true));
            prompt.fill("Kimsan?");
            prompt.press("Enter");
            assertThat(user.locator(".message.assistant[aria-busy=true]")).containsText("Salom");
            answer.next(2);
            assertThat(user.locator(".message.assistant").last()).hasText("Salom from the local llama.");
            assertThat(user.locator(".message.assistant[aria-busy=true]")).hasCount(0);

            List<RecordedRequest> asked = ollama.requests();
            assertThat(asked).hasSize(1);
            RecordedRequest request = asked.get(0);
            assertThat(request.model()).isEqualTo("llama3.2:3b");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + OLLAMA_KEY);
            assertThat(request.body().get("temperature").asDouble()).isEqualTo(0.3);
            assertThat(request.messages().get(0)).isEqualTo(new RecordedRequest.Message("system", "Answer in one short sentence."));
            assertThat(request.lastUserMessage()).isEqualTo("Kimsan?");
            assertThat(ollama.violations()).isEmpty();
            assertThat(OPENAI.requests()).noneMatch(r -> "Kimsan?".equals(r.lastUserMessage()));
            String chatUrl = user.url();
            assertThat(chatUrl).matches(".*/c/\\d+$");

            // turned off: the model leaves the picker; its chat stays readable and says why it takes no message
            admin.locator("tr.connection[data-connection='" + connectionId + "'] button", new Page.LocatorOptions().setHasText("Turn off")).click();
            assertThat(admin.getByRole(com.microsoft.playwright.options.AriaRole.STATUS).first()).containsText("The connection is off");
            user.navigate(url("/"));
            assertThat(user.locator("#model option")).not().hasCount(0);
            assertThat(user.locator("#model option", new Page.LocatorOptions().setHasText("Llama Local"))).hasCount(0);
            user.navigate(chatUrl);
            assertThat(user.locator(".message.assistant").last()).hasText("Salom from the local llama.");
            user.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill("Yana?");
            user.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).press("Enter");
            assertThat(user.getByText("The administrator has turned this model off").first()).isVisible();
            assertThat(ollama.requests()).hasSize(1);

            // deleted: gone from the page, the shared database left as the other tests expect it
            admin.navigate(url("/admin/connections/" + connectionId));
            admin.locator("form.inline-confirm input[name=confirm]").check();
            admin.locator("form.inline-confirm button[type=submit]").click();
            assertThat(admin.getByRole(com.microsoft.playwright.options.AriaRole.STATUS).first()).containsText("The connection was deleted");
            assertThat(admin.locator("tr.connection")).hasCount(1);
            assertThat(db.fetchCount(db.selectFrom("provider_model"))).isZero();
        }
    }

    @Test
    void anAnthropicConnectionsModelStreamsInTheChat() {
        verifiedUser("claudechi");
        try (FakeAnthropic anthropic = FakeAnthropic.start();
             BrowserContext adminContext = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(1280, 800));
             BrowserContext userContext = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(1280, 800))) {
            anthropic.requireKey(ANTHROPIC_KEY).models("claude-sonnet-4-5", "claude-haiku-4-5");
            Page admin = adminContext.newPage();
            admin.navigate(url("/admin/login"));
            admin.locator("#username").fill(ADMIN_USERNAME);
            admin.locator("#password").fill(ADMIN_PASSWORD);
            admin.locator("form.form button[type=submit]").click();
            admin.navigate(url("/admin/connections"));
            admin.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Claude");
            admin.getByLabel("Kind").selectOption("ANTHROPIC");
            admin.getByLabel("Address (base URL)").fill(anthropic.baseUrl());
            admin.getByLabel("API key").fill(ANTHROPIC_KEY);
            admin.locator("#add-connection button[type=submit]").click();
            assertThat(admin.locator("h1")).hasText("Claude");
            long connectionId = ((Number) db.fetchValue("select id from provider_connection where name = 'Claude'")).longValue();
            // Anthropic's own model list, read with the connection's key
            assertThat(admin.locator("tr.model-row")).hasCount(2);
            assertThat(anthropic.modelListRequests()).isNotEmpty()
                    .allSatisfy(request -> assertThat(request.header("x-api-key")).isEqualTo(ANTHROPIC_KEY));
            Locator haiku = admin.locator("tr.model-row[data-model='claude-haiku-4-5']");
            haiku.locator("input[name=offered]").check();
            haiku.locator("input[name=displayName]").fill("Claude Haiku");
            haiku.locator("textarea[name=systemPrompt]").fill("Javobni oʻzbek tilida ber.");
            admin.locator("#connection-models button[type=submit]").click();
            assertThat(admin.getByRole(com.microsoft.playwright.options.AriaRole.STATUS).first()).containsText("The models were saved");

            Page user = userContext.newPage();
            user.navigate(url("/login"));
            user.getByLabel("Username or e-mail").fill("claudechi");
            user.getByLabel("Password").fill("a long passphrase for claudechi");
            user.locator("form.form button[type=submit]").click();
            assertThat(user).hasURL(url("/"));
            user.locator("#model").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Claude Haiku"));
            Reply.Gated answer = Reply.gated("Salom! ", "Men Claude, ", "sizga yordam beraman.");
            anthropic.enqueue(answer);
            Locator prompt = user.getByLabel("Message", new Page.GetByLabelOptions().setExact(true));
            prompt.fill("Salom, kimsan?");
            prompt.press("Enter");
            assertThat(user.locator(".message.assistant[aria-busy=true]")).containsText("Salom!");
            answer.next(2);
            assertThat(user.locator(".message.assistant").last()).hasText("Salom! Men Claude, sizga yordam beraman.");
            assertThat(user.locator(".message.assistant[aria-busy=true]")).hasCount(0);

            RecordedRequest request = anthropic.requests().getFirst();
            assertThat(request.header("x-api-key")).isEqualTo(ANTHROPIC_KEY);
            assertThat(request.body().path("model").asString()).isEqualTo("claude-haiku-4-5");
            assertThat(request.body().path("system").toString()).contains("Javobni oʻzbek tilida ber.");
            assertThat(anthropic.violations()).isEmpty();
            assertThat(db.fetchValue("select model from chat where id = (select max(id) from chat)"))
                    .isEqualTo("conn-" + connectionId + "/claude-haiku-4-5");

            admin.navigate(url("/admin/connections/" + connectionId));
            admin.locator("form.inline-confirm input[name=confirm]").check();
            admin.locator("form.inline-confirm button[type=submit]").click();
            assertThat(admin.getByRole(com.microsoft.playwright.options.AriaRole.STATUS).first()).containsText("The connection was deleted");
        }
    }

    /** Desktop and phone, light and dark. */
    private static void screenshots(Page page, String name) {
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            String suffix = scheme == ColorScheme.DARK ? "-dark" : "-light";
            page.setViewportSize(1280, 800);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-" + name + suffix + ".png")).setFullPage(true));
            page.setViewportSize(390, 844);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-" + name + "-phone" + suffix + ".png")).setFullPage(true));
        }
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        page.setViewportSize(1280, 800);
    }
}

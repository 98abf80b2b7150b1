package uz.suhbat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.bootstrap.TestDatabaseServer;

/**
 * {@code kill -9} of a node in the middle of an answer. Two nodes on one database behind the round-robin proxy: node 0
 * runs in this JVM, node 1 in a JVM of its own ({@link ChildProcessSuhbat}), which the test kills with SIGKILL while it
 * streams an answer to a real browser (headless Chromium). The words streamed so far are in the database, marked
 * interrupted; the same page, without a reload, retries through the proxy, which now reaches only node 0, and the chat
 * goes on there.
 */
class NodeCrashEndToEndTest {

    static final FakeOpenAi OPENAI = FakeOpenAi.start();
    static final GreenMail MAIL = StandaloneSuhbat.startMail();
    static final Pattern CHAT_URL = Pattern.compile(".*/c/(\\d+)$");
    static Path data;
    static TestDatabaseServer database;
    static StandaloneSuhbat survivor;
    static ChildProcessSuhbat victim;
    static RoundRobinProxy proxy;

    @BeforeAll
    static void startTwoNodes() {
        data = StandaloneSuhbat.newDataFolder("crash");
        database = TestDatabaseServer.start(data.resolve("mysql"));
        String[] settings = {"MYSQL_HOST=127.0.0.1", "MYSQL_PORT=" + database.port(), "MYSQL_USER=" + database.user(),
                "MYSQL_PASSWORD=" + database.password(), "MYSQL_DATABASE=suhbat", "TRUSTED_PROXIES=127.0.0.1/8,::1/128"};
        // both at once, as in a real start of a cluster
        CompletableFuture<ChildProcessSuhbat> child = CompletableFuture.supplyAsync(() -> ChildProcessSuhbat.start(data, OPENAI, MAIL, settings));
        survivor = StandaloneSuhbat.start(data, OPENAI, MAIL, settings);
        victim = child.join();
        proxy = new RoundRobinProxy(List.of(survivor.url(""), victim.url("")), null);
    }

    @AfterAll
    static void stopNodes() {
        if (proxy != null) {
            proxy.close();
        }
        if (victim != null) {
            victim.close();
        }
        if (survivor != null) {
            survivor.close();
        }
        if (database != null) {
            database.close();
        }
        OPENAI.close();
        MAIL.stop();
        StandaloneSuhbat.deleteQuietly(data);
    }

    static DSLContext db() {
        return survivor.context().getBean(DSLContext.class);
    }

    static List<Record> stored(long chatId) {
        // the active branch: what the user sees (an answer given again keeps the earlier one as a version, off the branch)
        return List.copyOf(db().fetch("select `rank`, role, content, status from chat_history where chat_id = ? and on_branch "
                + "order by `rank`", chatId));
    }

    static void await(String what, Duration patience, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + patience).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void killingANodeMidAnswerKeepsTheStreamedWordsAndTheSamePageCarriesOnThroughTheOtherNode() throws Exception {
        AccountsDriver mail = new AccountsDriver(proxy.url(""), MAIL);
        assertThat(mail.register("survivor", "survivor@example.uz", "a long passphrase for survivor").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?registered"));
        assertThat(mail.get(mail.linkPathMailedTo("survivor@example.uz")).body()).contains("E-mail confirmed");

        BrowserContext context = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(1280, 800));
        Reply.Gated reply = Reply.gated("The first words arrive. ", "Then some more. ", "These are never streamed.");
        try {
            // signed in over HTTP through the proxy; the browser takes on its cookies (the page is the subject here)
            assertThat(mail.login("survivor", "a long passphrase for survivor").headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/"));
            context.addCookies(java.util.stream.Stream.of("JSESSIONID", "suhbat_device", "suhbat_known")
                    .filter(name -> mail.cookie(name) != null)
                    .map(name -> new com.microsoft.playwright.options.Cookie(name, mail.cookie(name)).setDomain("localhost").setPath("/"))
                    .toList());
            Page page = context.newPage();
            List<String> network = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onRequestFailed(r -> network.add("FAILED " + r.method() + " " + r.url() + " " + r.failure()));
            page.onResponse(r -> network.add(r.request().method() + " " + r.url() + " " + r.status()));
            page.navigate(proxy.url("/"));
            assertThat(page.url()).as(String.join("\n", network)).isEqualTo(proxy.url("/"));

            // the question goes to node 1 (the one that will die); every other request goes round robin
            Consumer<Route> toTheVictim = route -> {
                Map<String, String> headers = new HashMap<>(route.request().headers());
                headers.put(RoundRobinProxy.ROUTE_HEADER, "1");
                route.resume(new Route.ResumeOptions().setHeaders(headers));
            };
            page.route("**/api/chats", toTheVictim);
            OPENAI.enqueue(reply);
            Locator prompt = page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true));
            prompt.fill("Tell me a long story");
            prompt.press("Enter");
            Locator answer = page.locator(".message.assistant").last();
            assertThat(answer).containsText("The first words arrive.");
            reply.next(1);
            assertThat(answer).containsText("Then some more.");
            assertThat(page).hasURL(CHAT_URL);
            assertThat(proxy.served(1)).as("the question went to node 1").isPositive();
            long chatId = Long.parseLong(CHAT_URL.matcher(page.url()).replaceAll("$1"));

            // the words the user saw are saved while the answer streams (within a few seconds), before anything ends it
            await("the streamed words saved", Duration.ofSeconds(10), () -> stored(chatId).size() == 2
                    && "The first words arrive. Then some more. ".equals(stored(chatId).get(1).get("content", String.class)));
            assertThat(stored(chatId).get(1).get("status", String.class)).isEqualTo("interrupted");

            // the page was never reloaded if this mark is still there at the end
            page.evaluate("() => { window.sameDocument = 'before the crash'; }");
            int exit = victim.killHard();
            long killed = System.nanoTime();
            assertThat(exit).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
            page.unroute("**/api/chats");

            // the page keeps the words it showed, marks the answer cut off and offers Retry
            Locator alert = page.getByRole(AriaRole.ALERT);
            assertThat(alert).containsText("The answer was cut off");
            assertThat(answer).containsText("The first words arrive. Then some more.");
            assertThat(answer).not().containsText("These are never streamed.");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/node-crash-cut.png")));
            assertThat(stored(chatId)).extracting(r -> r.get("role", String.class) + ":" + r.get("content", String.class) + ":"
                    + r.get("status", String.class))
                    .containsExactly("user:Tell me a long story:complete", "assistant:The first words arrive. Then some more. :interrupted");

            // Retry on the same page, no reload: every request now reaches node 0 (node 1 refuses connections, the proxy
            // goes on to the next node). The dead node's claim on the chat holds for up to 10 s after its last keep-alive:
            // meanwhile the page says it is reconnecting and tries again by itself until node 0 takes the chat over
            OPENAI.enqueue(Reply.answer("A whole new answer."));
            Locator retry = answer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry"));
            retry.click();
            Duration clickedAfter = Duration.ofNanos(System.nanoTime() - killed);
            Locator reconnecting = page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Reconnecting"));
            if (clickedAfter.compareTo(Duration.ofSeconds(5)) < 0) {
                // well within the claim's 10 s: node 0 must refuse at first, and the page must say what it does
                assertThat(reconnecting).isVisible();
                assertThat(page.locator(".message.assistant")).hasCount(1);
                assertThat(page.locator(".message.assistant").last()).containsText("Then some more.");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/node-crash-reconnecting.png")));
            }
            Locator newAnswer = page.locator(".message.assistant").last();
            assertThat(newAnswer).containsText("A whole new answer.", new com.microsoft.playwright.assertions.LocatorAssertions
                    .ContainsTextOptions().setTimeout(40_000));
            Duration carriedOnAfter = Duration.ofNanos(System.nanoTime() - killed);
            System.out.println("NodeCrashEndToEndTest: Retry clicked " + clickedAfter.toMillis() + " ms after the kill, new answer "
                    + carriedOnAfter.toMillis() + " ms after it");
            assertThat(reconnecting).hasCount(0);
            assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);
            assertThat(page).hasURL(proxy.url("/c/" + chatId));
            assertThat(page.evaluate("() => window.sameDocument")).isEqualTo("before the crash");
            await("the new answer stored", Duration.ofSeconds(10), () -> "complete".equals(stored(chatId).getLast().get("status", String.class)));
            assertThat(stored(chatId)).extracting(r -> r.get("role", String.class) + ":" + r.get("content", String.class) + ":"
                    + r.get("status", String.class))
                    .containsExactly("user:Tell me a long story:complete", "assistant:A whole new answer.:complete");
            // the words the dead node streamed stay, as the earlier version of the answer
            assertThat(db().fetch("select content, status from chat_history where chat_id = ? and role = 'assistant' and not on_branch",
                    chatId)).extracting(r -> r.get("content", String.class) + ":" + r.get("status", String.class))
                    .containsExactly("The first words arrive. Then some more. :interrupted");
            assertThat(newAnswer.locator(".version-position")).hasText("2/2");
            newAnswer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Previous version")).click();
            assertThat(page.locator(".message.assistant").last()).containsText("The first words arrive. Then some more.");
            assertThat(page.locator(".message.assistant").last().locator(".version-position")).hasText("1/2");
            page.locator(".message.assistant").last().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next version"))
                    .click();
            assertThat(page.locator(".message.assistant").last()).containsText("A whole new answer.");

            // and the chat goes on there
            int survivorServed = proxy.served(0);
            OPENAI.enqueue(Reply.answer("You are welcome."));
            prompt.fill("Thank you");
            prompt.press("Enter");
            assertThat(page.locator(".message.assistant").last()).hasText("You are welcome.");
            assertThat(proxy.served(0)).as("served by the surviving node").isGreaterThan(survivorServed);
            assertThat(page.evaluate("() => window.sameDocument")).isEqualTo("before the crash");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/node-crash-carried-on.png")));
        } finally {
            reply.next(1);
            context.close();
        }
    }
}

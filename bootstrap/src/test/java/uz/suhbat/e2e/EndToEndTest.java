package uz.suhbat.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uz.suhbat.bootstrap.SuhbatApplication;

/**
 * Base of the end-to-end tests: the whole application on a random port, with the embedded
 * database in a fresh folder for this test JVM. Subclasses that keep these settings share one
 * running application (Spring caches the context).
 */
@SpringBootTest(classes = SuhbatApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EndToEndTest {

    public static final String ADMIN_USERNAME = "boss";
    public static final String ADMIN_PASSWORD = "e2e-Admin-Password-42";

    public static final String BASE_URL = "http://suhbat.test:8080";

    private static final Path DATA = createDataDir();

    public static final String OPENAI_KEY = "sk-e2e-test-key-0123456789";

    /** Seals the API keys of connections (the admin's Connections page). */
    public static final String SECRET_KEY = "e2e-secret-key-for-sealing-connection-keys";

    /** An OpenAI-compatible server that streams scripted answers and checks every request against the spec. */
    protected static final FakeOpenAi OPENAI = withTitleRoute(FakeOpenAi.start());

    /**
     * The model that writes chats' titles (TITLE_MODEL) in these tests. Its requests are routed apart from the script
     * ({@link FakeOpenAi#route}), so that a title written after a chat's first answer never takes the reply a test
     * scripted for its next message; by default they fail, and a chat keeps the first words of its question.
     */
    public static final String TITLE_MODEL = "gpt-title-e2e";

    /** The default title route: the title request fails (400), so titles stay the first words unless a test says otherwise. */
    public static FakeOpenAi withTitleRoute(FakeOpenAi fake) {
        return fake.route(TITLE_MODEL, request -> uz.suhbat.adapter.out.ai.fake.Reply.error(400, "invalid_request_error", null,
                "no title in this test"));
    }

    /** A real SMTP server for the verification and reset mail, one per test JVM. */
    protected static final GreenMail MAIL = startMail();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void suhbatSettings(DynamicPropertyRegistry registry) {
        registry.add("EMBEDDED_DB_DIR", () -> DATA.resolve("mysql").toString());
        registry.add("EMBEDDED_DB_PORT", () -> "0");
        registry.add("FILES_DIR", () -> DATA.resolve("file").toString());
        registry.add("ADMIN_USERNAME", () -> ADMIN_USERNAME);
        registry.add("ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
        registry.add("ADMIN_EMAIL", () -> "boss@example.uz");
        registry.add("MYSQL_HOST", () -> "");
        registry.add("MAIL_HOST", () -> "127.0.0.1");
        registry.add("MAIL_PORT", () -> String.valueOf(MAIL.getSmtp().getPort()));
        registry.add("MAIL_FROM", () -> "Suhbat <no-reply@suhbat.test>");
        registry.add("APP_BASE_URL", () -> BASE_URL);
        registry.add("OPENAI_API_KEY", () -> OPENAI_KEY);
        registry.add("OPENAI_BASE_URL", OPENAI::baseUrl);
        registry.add("OPENAI_MODELS", () -> "gpt-4o-mini,gpt-4o");
        registry.add("TITLE_MODEL", () -> TITLE_MODEL);
        registry.add("SECRET_KEY", () -> SECRET_KEY);
        // every test registers its users from 127.0.0.1: the per-address limit is TwoNodesEndToEndTest's to test
        registry.add("REGISTRATIONS_PER_ADDRESS", () -> "100000");
        // at the end of the run, answers a test left open need not hold the JVM for the 30 s of graceful shutdown
        registry.add("spring.lifecycle.timeout-per-shutdown-phase", () -> "2s");
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("suhbat-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.jooq.DSLContext throttleRows;

    /**
     * Every test is a fresh set of clients, but all of them come from 127.0.0.1: the per-address throttles (registration,
     * mail; table {@code throttle}) would otherwise count the whole run's registrations against one address.
     */
    @org.junit.jupiter.api.BeforeEach
    void freshClientAddresses() {
        throttleRows.execute("delete from throttle");
    }

    /** Each test scripts the upstream for itself: what an earlier test left unused must not answer it. */
    @org.junit.jupiter.api.BeforeEach
    void freshUpstream() {
        OPENAI.reset();
    }

    /** Polls {@code condition} until it holds; fails once {@code patience} has passed. */
    protected static void awaitTrue(String what, Duration patience, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            org.assertj.core.api.Assertions.assertThat(System.nanoTime()).as(what + " within " + patience).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A new browser with a registered, confirmed and signed-in user of that name. */
    protected AccountsDriver verifiedUser(String name) {
        AccountsDriver browser = new AccountsDriver(url(""), MAIL);
        browser.register(name, name + "@example.uz", "a long passphrase for " + name);
        browser.get(browser.linkPathMailedTo(name + "@example.uz"));
        browser.login(name, "a long passphrase for " + name);
        return browser;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A browser-like HTTP client: keeps cookies, does not follow redirects. */
    protected static HttpClient newClient() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    protected HttpResponse<String> get(HttpClient client, String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
            if (headers.length > 0) {
                request.headers(headers);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package uz.suhbat.e2e;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium from the system (Debian's {@code chromium}), driven by Playwright. No browser
 * is downloaded: {@code CHROMIUM_PATH} or /usr/bin/chromium is used. One browser per test JVM.
 */
public final class Browser {

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

    private Browser() {
    }

    public static synchronized BrowserContext newContext(String locale) {
        if (browser == null) {
            launch();
        }
        return browser.newContext(new NewContextOptions().setLocale(locale).setViewportSize(1280, 800));
    }

    public static synchronized BrowserContext newContext(NewContextOptions options) {
        if (browser == null) {
            launch();
        }
        return browser.newContext(options);
    }

    private static void launch() {
        Path executable = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("Browser tests need Chromium at " + executable
                    + ": install it with 'apt-get install -y chromium' (./test.sh does) or set CHROMIUM_PATH.");
        }
        // a busy 2-core machine runs the app, its database and Chromium at once: give assertions time to come true
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            browser.close();
            playwright.close();
        }));
    }
}

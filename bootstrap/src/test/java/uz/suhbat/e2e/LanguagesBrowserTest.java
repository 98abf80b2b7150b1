package uz.suhbat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main user and admin pages, walked in headless Chromium in each of the four languages, with a
 * screenshot of each in target/screenshots/lang-*.png. The browser asks for the language (Accept-Language);
 * a signed-in user picks it with the switch, which names each language in itself.
 */
class LanguagesBrowserTest extends EndToEndTest {

    /** A language with the browser locale that asks for it and a text of each page it must show. */
    enum Walk {
        UZ("uz", "uz-UZ", "Oʻzbekcha", "Hisobingizga kiring", "Yangi hisob yaratish", "Bu suhbatda 2 ta xabar qoldi.",
                "Kirilgan qurilmalar", "Boshqaruv paneli", "Kunlik foydalanish", "Foydalanuvchi"),
        UZ_CYRL("uz-Cyrl", "uz-Cyrl-UZ", "Ўзбекча", "Ҳисобингизга киринг", "Янги ҳисоб яратиш", "Бу суҳбатда 2 та хабар қолди.",
                "Кирилган қурилмалар", "Бошқарув панели", "Кунлик фойдаланиш", "Фойдаланувчи"),
        RU("ru", "ru-RU", "Русский", "Вход в учётную запись", "Создание учётной записи", "В этом чате осталось 2 сообщения.",
                "Устройства, на которых выполнен вход", "Панель управления", "Использование по дням", "Пользователь"),
        EN("en", "en-US", "English", "Log in to your account", "Create an account", "2 messages left in this chat.",
                "Signed-in devices", "Dashboard", "Daily usage", "User");

        final String tag;
        final String browserLocale;
        final String name;
        final String login;
        final String register;
        final String messagesLeft;
        final String devices;
        final String dashboard;
        final String dailyUsage;
        final String pdfUser;

        Walk(String tag, String browserLocale, String name, String login, String register, String messagesLeft, String devices,
             String dashboard, String dailyUsage, String pdfUser) {
            this.tag = tag;
            this.browserLocale = browserLocale;
            this.name = name;
            this.login = login;
            this.register = register;
            this.messagesLeft = messagesLeft;
            this.devices = devices;
            this.dashboard = dashboard;
            this.dailyUsage = dailyUsage;
            this.pdfUser = pdfUser;
        }

        String file(String page) {
            return "target/screenshots/lang-" + tag + "-" + page + ".png";
        }
    }

    @Autowired
    DSLContext db;

    private static void shoot(Page page, String path) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(path)).setFullPage(true));
    }

    @ParameterizedTest
    @EnumSource(Walk.class)
    void userPagesSpeakTheLanguage(Walk walk) {
        // a user who registered on an English page, so their account speaks English until they pick another language
        String username = "walk_" + walk.tag.toLowerCase(Locale.ROOT).replace("-", "_");
        String password = "a long passphrase for " + username;
        AccountsDriver mail = new AccountsDriver(url(""), MAIL);
        mail.register(username, username + "@example.uz", password);
        mail.get(mail.linkPathMailedTo(username + "@example.uz"));
        AdminFixtures fixtures = new AdminFixtures(db);
        LocalDateTime now = AdminFixtures.nowUtc();
        long chat = fixtures.chat(fixtures.userId(username), "Registon", "gpt-4o-mini", now.minusHours(1), 5, 3, null);
        fixtures.exchange(chat, 1, "Registon qayerda?", "Registon — Samarqanddagi maydon.", now.minusHours(1), "gpt-4o-mini");

        try (BrowserContext context = Browser.newContext(new NewContextOptions().setLocale(walk.browserLocale).setViewportSize(1280, 800))) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            assertThat(page.locator("html")).hasAttribute("lang", walk.tag);
            assertThat(page.locator("h1")).hasText(walk.login);
            assertThat(page.locator(".lang-switch a[aria-current=true]")).hasText(walk.name);
            assertThat(page.locator(".lang-switch a")).hasText(new String[] {"Oʻzbekcha", "Ўзбекча", "Русский", "English"});
            shoot(page, walk.file("login"));

            page.navigate(url("/register"));
            assertThat(page.locator("h1")).hasText(walk.register);
            shoot(page, walk.file("register"));

            page.navigate(url("/login"));
            page.locator("#username").fill(username);
            page.locator("#password").fill(password);
            page.locator("form.form button[type=submit]").click();
            assertThat(page).hasURL(url("/"));
            // the account's own language, English, wins over the browser's
            assertThat(page.locator("html")).hasAttribute("lang", "en");

            page.navigate(url("/c/" + chat));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(walk.name).setExact(true)).click();
            assertThat(page.locator("html")).hasAttribute("lang", walk.tag);
            assertThat(page.getByText(walk.messagesLeft)).isVisible();
            assertThat(page.getByText("Registon — Samarqanddagi maydon.")).isVisible();
            shoot(page, walk.file("chat"));
            assertThat(db.fetchValue("select language from user where username = ?", username)).isEqualTo(walk.tag);

            page.navigate(url("/profile"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(walk.devices))).isVisible();
            shoot(page, walk.file("profile"));
        }
    }

    @ParameterizedTest
    @EnumSource(Walk.class)
    void adminPagesAndTheChatPdfSpeakTheLanguage(Walk walk) throws Exception {
        AdminFixtures fixtures = new AdminFixtures(db);
        LocalDateTime now = AdminFixtures.nowUtc();
        String username = "pdf_" + walk.tag.toLowerCase(Locale.ROOT).replace("-", "_");
        long user = fixtures.user(username, now.minusDays(3));
        long chat = fixtures.chat(user, "Buxoro", "gpt-4o-mini", now.minusDays(2), 50, 1, null);
        fixtures.exchange(chat, 1, "Buxoro qachon qurilgan?", "Buxoro 2500 yildan ortiq tarixga ega.", now.minusDays(2), "gpt-4o-mini");

        try (BrowserContext context = Browser.newContext(new NewContextOptions().setLocale(walk.browserLocale).setViewportSize(1280, 800))) {
            Page page = context.newPage();
            page.navigate(url("/admin/login"));
            assertThat(page.locator("html")).hasAttribute("lang", walk.tag);
            shoot(page, walk.file("admin-login"));
            page.locator("#username").fill(ADMIN_USERNAME);
            page.locator("#password").fill(ADMIN_PASSWORD);
            page.locator("form.form button[type=submit]").click();
            assertThat(page).hasURL(url("/admin"));
            assertThat(page.locator("h1")).hasText(walk.dashboard);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(walk.dailyUsage))).isVisible();
            page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('models-chart'))");
            page.waitForTimeout(600); // the charts' entry animation
            shoot(page, walk.file("admin-dashboard"));

            for (String section : new String[] {"users", "chats", "limits", "audit", "models", "admins"}) {
                page.navigate(url("/admin/" + section));
                assertThat(page.locator("html")).hasAttribute("lang", walk.tag);
                shoot(page, walk.file("admin-" + section));
            }
            page.navigate(url("/admin/chats/" + chat));
            assertThat(page.getByText("Buxoro 2500 yildan ortiq tarixga ega.")).isVisible();
            shoot(page, walk.file("admin-chat"));

            // the link on the page, as an admin downloads it: the browser asks for its language
            Download pdf = page.waitForDownload(() -> page.locator("a[href='/admin/chats/" + chat + "/pdf']").click());
            try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains(walk.pdfUser).contains(username).contains("Buxoro 2500 yildan ortiq tarixga ega.");
            }
        }
    }

    private void adminSignsIn(Page page) {
        page.navigate(url("/admin/login"));
        page.locator("#username").fill(ADMIN_USERNAME);
        page.locator("#password").fill(ADMIN_PASSWORD);
        page.locator("form.form button[type=submit]").click();
        assertThat(page).hasURL(url("/admin"));
    }

    @Test
    void anAdminsPickFollowsThemToAnotherBrowser() {
        try {
            try (BrowserContext laptop = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(1280, 800))) {
                Page page = laptop.newPage();
                adminSignsIn(page);
                assertThat(page.locator("html")).hasAttribute("lang", "en");
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Русский").setExact(true)).click();
                assertThat(page.locator("html")).hasAttribute("lang", "ru");
            }
            try (BrowserContext office = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(1280, 800))) {
                Page page = office.newPage();
                page.navigate(url("/admin/login"));
                assertThat(page.locator("html")).hasAttribute("lang", "en");
                adminSignsIn(page);
                assertThat(page.locator("html")).hasAttribute("lang", "ru");
                assertThat(page.locator("h1")).hasText("Панель управления");
            }
        } finally {
            // other browser tests expect the admin pages in their browser's language
            db.execute("update admin set language = null");
        }
    }
}

package uz.suhbat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin pages in headless Chromium at desktop and phone width, with screenshots in target/screenshots. */
class AdminPagesBrowserTest extends EndToEndTest {

    @Autowired
    DSLContext db;

    private long chat;

    /** A month of use by a few people, so that the charts and tables have something to show. */
    @BeforeEach
    void aMonthOfUse() {
        AdminFixtures fixtures = new AdminFixtures(db);
        // the application context, and so the database, is shared with other end-to-end tests: look for our own chat
        if (db.fetchExists(db.selectOne().from("chat").where("title = 'Samarqand tarixi'"))) {
            chat = db.fetchSingle("select id from chat where title = 'Samarqand tarixi'").get(0, Long.class);
            return;
        }
        LocalDateTime now = AdminFixtures.nowUtc();
        String[] people = {"nodirabegim", "jasur", "madina", "timur", "olga"};
        String[] models = {"gpt-4o-mini", "gpt-4o"};
        for (int p = 0; p < people.length; p++) {
            long user = fixtures.user(people[p], now.minusDays(28 - p * 5L));
            for (int day = 26 - p * 5; day >= 0; day -= 1 + p % 3) {
                long c = fixtures.chat(user, "Savollar " + day, models[(p + day) % 2], now.minusDays(day), 50, 2, null);
                for (int m = 0; m < 1 + (day * 7 + p) % 4; m++) {
                    fixtures.exchange(c, 1 + 2 * m, "Savol " + m, "Javob " + m, now.minusDays(day).plusMinutes(m), models[(p + day) % 2]);
                }
            }
        }
        long nodirabegim = fixtures.userId("nodirabegim");
        chat = fixtures.chat(nodirabegim, "Samarqand tarixi", "gpt-4o-mini", now.minusHours(2), 50, 3, null);
        fixtures.exchange(chat, 1, "Samarqand qachon qurilgan va nega u Buyuk ipak yoʻlida muhim boʻlgan?",
                "Samarqand — dunyodagi eng qadimiy shaharlardan biri, miloddan avvalgi VIII asrda asos solingan.\n\n"
                        + "U Xitoy va Oʻrta yer dengizi oraligʻidagi savdo yoʻllari kesishgan joyda joylashgan edi.",
                now.minusHours(2), "gpt-4o-mini");
        fixtures.exchange(chat, 3, "Расскажи кратко по-русски о Регистане.",
                "Регистан — главная площадь Самарканда, окружённая тремя медресе: Улугбека, Шердор и Тилля-Кари.",
                now.minusHours(1), "gpt-4o-mini");
        fixtures.message(chat, 5, "user", "Rahmat! <b>Juda</b> foydali.", now.minusMinutes(30), null, null, null);
        db.execute("update user set blocked = true, blocked_reason = 'Spam havolalar' where username = 'olga'");
    }

    @Test
    void desktop() {
        tour(new NewContextOptions().setLocale("uz-UZ").setViewportSize(1280, 800), "desktop");
    }

    @Test
    void phone() {
        tour(new NewContextOptions().setLocale("en-US").setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                .setDeviceScaleFactor(2), "phone");
    }

    private void tour(NewContextOptions options, String size) {
        try (BrowserContext context = Browser.newContext(options)) {
            Page page = context.newPage();
            page.navigate(url("/admin"));
            assertThat(page).hasURL(url("/admin/login"));
            page.locator("#username").fill(ADMIN_USERNAME);
            page.locator("#password").fill(ADMIN_PASSWORD);
            page.locator("form.form button[type=submit]").click();
            assertThat(page).hasURL(url("/admin"));

            Locator activity = page.locator("#activity-chart");
            assertThat(activity).isVisible();
            page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('models-chart'))");
            page.waitForTimeout(600); // let the charts' entry animation finish before the picture
            shoot(page, "admin-dashboard-" + size);

            // other test classes register users too: search, so that olga is on the first page whatever ran before
            page.navigate(url("/admin/users?q=olga"));
            assertThat(page.getByText("Spam havolalar")).isVisible();
            // her chats and the questions in them, as the page counts them
            long olgasQuestions = ((Number) db.fetchValue("select count(*) from chat_history h join chat c on c.id = h.chat_id "
                    + "join user u on u.id = c.user_id where u.username = 'olga' and h.role = 'user'")).longValue();
            org.assertj.core.api.Assertions.assertThat(olgasQuestions).isGreaterThan(1);
            assertThat(page.locator("table.users tbody tr").first().locator("td.num").nth(1)).hasText(String.valueOf(olgasQuestions));
            page.navigate(url("/admin/users"));
            assertThat(page.locator("table.users tbody tr").first()).isVisible();
            shoot(page, "admin-users-" + size);

            // issue 16: Block asks again; the e-mail never breaks mid-word and "Unblock" stays on one line
            db.execute("update user set email = 'nodirabegim.abdullayeva.samarqand@example-maktab.uz' where username = 'nodirabegim'");
            page.navigate(url("/admin/users?q=nodirabegim"));
            Locator row = page.locator("table.users tbody tr").first();
            row.locator("summary").click();
            assertThat(row.locator("input[name=reason]")).isVisible();
            shoot(page, "admin-users-block-confirm-" + size);
            org.assertj.core.api.Assertions.assertThat(db.fetchSingle("select blocked from user where username = 'nodirabegim'")
                    .get(0, Boolean.class)).as("the first click only asks").isFalse();
            row.locator("input[name=reason]").fill("Sinov");
            row.locator("button.danger-fill").click();
            Locator unblock = page.locator("table.users tbody tr").first().locator("form[action$='/unblock'] button");
            assertThat(unblock).isVisible();
            Locator email = page.locator("table.users tbody tr").first().locator("small.email");
            double line = (double) email.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || e.getBoundingClientRect().height");
            String[] parts = ((String) email.evaluate("e => Array.from(e.querySelectorAll('span')).map(s => s.getClientRects().length).join(',')")).split(",");
            org.assertj.core.api.Assertions.assertThat(parts).as("each part of the e-mail on one line: it breaks before the @ or after a dot, never mid-word")
                    .containsOnly("1");
            org.assertj.core.api.Assertions.assertThat(email.boundingBox().width).as("within its cell")
                    .isLessThanOrEqualTo(page.locator("table.users tbody tr").first().locator("td").first().boundingBox().width);
            double buttonLine = (double) unblock.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || 20");
            org.assertj.core.api.Assertions.assertThat(unblock.boundingBox().height).as("Unblock on one line")
                    .isLessThan(buttonLine * 1.5 + 20);
            shoot(page, "admin-users-blocked-" + size);
            db.execute("update user set blocked = false, blocked_reason = null where username = 'nodirabegim'");

            page.navigate(url("/admin/chats/" + chat));
            assertThat(page.getByText("Регистан — главная площадь").first()).isVisible();
            assertThat(page.getByText("Rahmat! <b>Juda</b> foydali.")).isVisible();
            shoot(page, "admin-chat-" + size);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(size.equals("phone") ? "Print view" : "Chop etish koʻrinishi")).click();
            assertThat(page).hasURL(url("/admin/chats/" + chat + "/print"));
            shoot(page, "admin-print-" + size);
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
            shoot(page, "admin-print-media-" + size);
        }
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")).setFullPage(true));
    }
}

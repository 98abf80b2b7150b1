package uz.suhbat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 16 in headless Chromium: the browser's time zone on the profile, the theme switch, custom instructions. */
class PreferencesBrowserTest extends EndToEndTest {

    @Autowired
    DSLContext db;

    @Test
    void theProfileShowsTimesInTheBrowsersZoneAndTheChosenThemeSticks() {
        AccountsDriver mail = new AccountsDriver(url(""), MAIL);
        mail.register("samarqandlik", "samarqandlik@example.uz", "a long passphrase 16");
        mail.get(mail.linkPathMailedTo("samarqandlik@example.uz"));
        db.execute("update user set date = '2026-11-20 22:30:00' where username = 'samarqandlik'");

        try (BrowserContext context = Browser.newContext(new NewContextOptions().setLocale("en-US").setTimezoneId("Asia/Tashkent")
                .setColorScheme(ColorScheme.LIGHT).setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.getByLabel("Username or e-mail").fill("samarqandlik");
            page.getByLabel("Password").fill("a long passphrase 16");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            assertThat(page).hasURL(url("/"));
            page.navigate(url("/profile"));

            // the login page told the server the zone: 22:30 UTC is 03:30 the next morning in Tashkent
            assertThat(page.locator(".facts")).containsText("Nov 21, 2026, 3:30");
            assertThat(page.locator(".zone-note")).hasText("Times are shown in the Asia/Tashkent time zone.");
            assertThat(page.locator("html")).hasAttribute("data-theme", "system");

            page.getByLabel("What should Suhbat know about you?").fill("I am a history teacher in Samarkand.");
            page.getByLabel("How should Suhbat answer?").fill("Short answers with dates.");
            page.getByLabel("Use them in new chats").check();
            page.locator("form[action='/profile/instructions'] button[type=submit]").click();
            assertThat(page.locator(".alert-info")).containsText("Your instructions are saved.");
            shoot(page, "profile-preferences-light");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dark")).click();
            assertThat(page.locator("html")).hasAttribute("data-theme", "dark");
            String background = (String) page.evaluate("() => getComputedStyle(document.body).backgroundColor");
            org.assertj.core.api.Assertions.assertThat(background).as("dark although the system is light").isEqualTo("rgb(33, 33, 33)");
            shoot(page, "profile-preferences-dark");
            page.navigate(url("/"));
            assertThat(page.locator("html")).hasAttribute("data-theme", "dark");
            shoot(page, "chat-dark-theme");
        }
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")).setFullPage(true));
    }
}

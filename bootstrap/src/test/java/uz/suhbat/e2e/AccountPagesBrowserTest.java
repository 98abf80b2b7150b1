package uz.suhbat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A person registers, confirms the address from the mail and logs in, through the real pages in Chromium. */
class AccountPagesBrowserTest extends EndToEndTest {

    @Test
    void registerConfirmLogInAndSeeTheProfile() {
        try (BrowserContext context = Browser.newContext(new NewContextOptions().setLocale("uz-UZ").setViewportSize(1280, 800))) {
            Page page = context.newPage();
            page.navigate(url("/register"));
            page.getByLabel("Foydalanuvchi nomi").fill("Shahnoza");
            page.getByLabel("E-pochta").fill("shahnoza@example.uz");
            page.getByLabel("Parol").fill("bahor keldi, gullar ochildi");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Roʻyxatdan oʻtish")).click();

            assertThat(page).hasURL(url("/login?registered"));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Pochtangizni tekshiring");

            String link = new AccountsDriver(url(""), MAIL).linkPathMailedTo("shahnoza@example.uz");
            page.navigate(url(link));
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("E-pochta tasdiqlandi");

            page.navigate(url("/login"));
            page.getByLabel("Foydalanuvchi nomi yoki e-pochta").fill("shahnoza@example.uz");
            page.getByLabel("Parol").fill("bahor keldi, gullar ochildi");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirish")).click();
            assertThat(page).hasURL(url("/"));

            page.navigate(url("/profile"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Profil").setLevel(1))).isVisible();
            assertThat(page.getByText("shahnoza@example.uz")).isVisible();
            assertThat(page.getByText("tasdiqlangan", new Page.GetByTextOptions().setExact(true))).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/profile-uz.png")).setFullPage(true));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Signed-in devices"))).isVisible();
        }
        try (BrowserContext phone = Browser.newContext(new NewContextOptions().setLocale("en-US").setViewportSize(390, 844)
                .setColorScheme(ColorScheme.DARK))) {
            Page page = phone.newPage();
            page.navigate(url("/forgot-password"));
            page.getByLabel("E-mail").fill("shahnoza@example.uz");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send link")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("If an account uses this address");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/forgot-password-phone-dark.png")).setFullPage(true));
        }
    }
}

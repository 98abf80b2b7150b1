package uz.suhbat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LoginPageBrowserTest extends EndToEndTest {

    @Test
    void loginPageOpensInUzbekAndLeadsToRegistration() {
        try (BrowserContext context = Browser.newContext("uz-UZ")) {
            Page page = context.newPage();
            page.navigate(url("/"));

            assertThat(page).hasURL(url("/login"));
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("Hisobingizga kiring");
            assertThat(page.getByLabel("Parol")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/login-uz.png")).setFullPage(true));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Roʻyxatdan oʻting")).click();
            assertThat(page).hasURL(url("/register"));
            assertThat(page.getByLabel("E-pochta")).isVisible();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("Create an account");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/register-en.png")).setFullPage(true));
        }
    }
}

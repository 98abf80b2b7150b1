package uz.suhbat.adapter.in.web.admin;

import java.util.Arrays;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uz.suhbat.application.port.in.account.PreferencesUseCase;
import uz.suhbat.domain.user.Theme;

/** An admin's light/dark/system choice: saved with their account, so it follows them to every device. */
@Controller
class AdminThemeController {

    /** Sun, moon, half: beside the words on the profile, alone (with the words for screen readers) in the admin header. */
    static final Map<Theme, String> ICONS = Map.of(Theme.LIGHT, "\u2600", Theme.DARK, "\u263E", Theme.SYSTEM, "\u25D0");

    private final PreferencesUseCase preferences;

    AdminThemeController(PreferencesUseCase preferences) {
        this.preferences = preferences;
    }

    /** Back to the page the switch was on ({@code back}: a local path only). */
    @PostMapping("/admin/theme")
    String choose(@AuthenticationPrincipal SignedInAdmin admin, @RequestParam(defaultValue = "") String theme,
                  @RequestParam(defaultValue = "/admin") String back) {
        preferences.chooseAdminTheme(admin.id(), theme);
        boolean local = back.startsWith("/admin") && !back.startsWith("//") && back.chars().noneMatch(c -> c < 0x20 || c == '\\');
        return "redirect:" + (local ? back : "/admin");
    }

    /** {@code theme} for {@code data-theme} on every admin page, and the switch's choices. */
    @ControllerAdvice(basePackageClasses = AdminThemeController.class)
    static class Advice {

        private final PreferencesUseCase preferences;

        Advice(PreferencesUseCase preferences) {
            this.preferences = preferences;
        }

        @ModelAttribute
        void theme(@AuthenticationPrincipal SignedInAdmin admin, Model model, jakarta.servlet.http.HttpServletRequest request) {
            Theme theme = admin == null ? Theme.DEFAULT : preferences.adminTheme(admin.id());
            model.addAttribute("theme", theme.wireName());
            model.addAttribute("themes", Arrays.stream(Theme.values())
                    .map(t -> Map.<String, Object>of("value", t.wireName(), "label", "theme." + t.wireName(), "icon", ICONS.get(t), "current", t == theme))
                    .toList());
            model.addAttribute("themeAction", "/admin/theme");
            String query = request.getQueryString();
            model.addAttribute("themeBack", request.getRequestURI() + (query == null ? "" : "?" + query));
        }
    }
}

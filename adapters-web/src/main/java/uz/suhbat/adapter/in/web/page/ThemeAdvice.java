package uz.suhbat.adapter.in.web.page;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.account.PreferencesUseCase;
import uz.suhbat.domain.user.Theme;

/**
 * The theme a signed-in user chose, for {@code data-theme} on every page of theirs, and the switch's choices.
 * Signed out, the pages follow the system.
 */
@ControllerAdvice(basePackageClasses = ThemeAdvice.class)
class ThemeAdvice {

    /** Sun, moon, half: beside the words on the profile, alone (with the words for screen readers) in the admin header. */
    static final Map<Theme, String> ICONS = Map.of(Theme.LIGHT, "\u2600", Theme.DARK, "\u263E", Theme.SYSTEM, "\u25D0");

    private final PreferencesUseCase preferences;

    ThemeAdvice(PreferencesUseCase preferences) {
        this.preferences = preferences;
    }

    @ModelAttribute
    void theme(@AuthenticationPrincipal SignedInUser user, Model model) {
        Theme theme = user == null ? Theme.DEFAULT : preferences.userTheme(user.id());
        model.addAttribute("theme", theme.wireName());
        model.addAttribute("themes", choices(theme));
        model.addAttribute("themeAction", "/profile/theme");
    }

    /** Light, dark, system, each with its bundle key and whether it is the current one. */
    static List<Map<String, Object>> choices(Theme current) {
        return java.util.Arrays.stream(Theme.values())
                .map(t -> Map.<String, Object>of("value", t.wireName(), "label", "theme." + t.wireName(), "icon", ICONS.get(t), "current", t == current))
                .toList();
    }
}

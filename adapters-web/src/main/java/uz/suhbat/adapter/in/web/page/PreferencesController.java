package uz.suhbat.adapter.in.web.page;

import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uz.suhbat.adapter.in.web.i18n.Problems;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.account.PreferencesUseCase;

/** The profile's custom instructions and the user's theme. */
@Controller
class PreferencesController {

    private final PreferencesUseCase preferences;

    PreferencesController(PreferencesUseCase preferences) {
        this.preferences = preferences;
    }

    /** Too long: nothing is saved, and the form comes back with the text as typed and the problem under its field. */
    @PostMapping("/profile/instructions")
    String instructions(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String aboutYou,
                        @RequestParam(defaultValue = "") String howToAnswer, @RequestParam(defaultValue = "false") boolean enabled,
                        RedirectAttributes redirect) {
        Map<String, String> errors = Problems.keys(preferences.saveInstructions(user.id(), aboutYou, howToAnswer, enabled));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "profile.instructions.saved");
        } else {
            redirect.addFlashAttribute("instructionsForm", Map.of("aboutYou", aboutYou, "howToAnswer", howToAnswer, "enabled", enabled));
            redirect.addFlashAttribute("instructionErrors", errors);
        }
        return "redirect:/profile#instructions-heading";
    }

    @PostMapping("/profile/theme")
    String theme(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String theme, RedirectAttributes redirect) {
        if (preferences.chooseUserTheme(user.id(), theme)) {
            redirect.addFlashAttribute("flash", "theme.saved");
        }
        return "redirect:/profile#theme-heading";
    }
}

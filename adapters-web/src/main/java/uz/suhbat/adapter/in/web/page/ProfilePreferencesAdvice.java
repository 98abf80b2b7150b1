package uz.suhbat.adapter.in.web.page;

import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.account.PreferencesUseCase;
import uz.suhbat.domain.user.CustomInstructions;

/** The profile page's custom-instructions form, filled with what is saved (or what was just typed, when it was refused). */
@ControllerAdvice(assignableTypes = ProfileController.class)
class ProfilePreferencesAdvice {

    private final PreferencesUseCase preferences;

    ProfilePreferencesAdvice(PreferencesUseCase preferences) {
        this.preferences = preferences;
    }

    @ModelAttribute
    void instructions(@AuthenticationPrincipal SignedInUser user, Model model) {
        if (user == null) {
            return;
        }
        model.addAttribute("instructionsMax", CustomInstructions.MAX_LENGTH);
        if (!model.containsAttribute("instructionsForm")) {
            CustomInstructions saved = preferences.instructions(user.id());
            model.addAttribute("instructionsForm", Map.of("aboutYou", saved.aboutYou(), "howToAnswer", saved.howToAnswer(),
                    "enabled", saved.enabled()));
        }
    }
}

package uz.suhbat.adapter.in.web.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uz.suhbat.adapter.in.web.i18n.Formats;
import uz.suhbat.adapter.in.web.i18n.Problems;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.api.ApiKeysUseCase;

/**
 * The profile's "API keys" section ({@code profile-api-keys.mustache}): make a key (shown once, on the page that answers
 * the form, never stored in the session or sent again), list the keys with their last use, revoke one.
 */
@Controller
class ApiKeysController {

    private final ApiKeysUseCase keys;
    private final ProfileController profile;

    ApiKeysController(ApiKeysUseCase keys, ProfileController profile) {
        this.keys = keys;
        this.profile = profile;
    }

    @PostMapping("/profile/api-keys")
    String create(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String name,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        switch (keys.create(user.id(), name)) {
            case ApiKeysUseCase.Created.Made made -> {
                // the one time the key is shown: this page must not be kept by the browser or a proxy
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                model.addAttribute("newApiKey", made.secret());
            }
            case ApiKeysUseCase.Created.Rejected rejected -> {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("apiKeyError", Problems.key(rejected.problem()));
            }
        }
        model.addAttribute("apiKeys", Section.rows(keys, user));
        return profile.profile(user, request, model);
    }

    @PostMapping("/profile/api-keys/{id}/revoke")
    String revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
        if (keys.revoke(user.id(), id)) {
            redirect.addFlashAttribute("flash", "apiKeys.revoked");
        }
        return "redirect:/profile#api-keys";
    }

    /** What the section shows on every rendering of the profile page. */
    @ControllerAdvice(assignableTypes = {ProfileController.class, ApiKeysController.class})
    static class Section {

        private final ApiKeysUseCase keys;

        Section(ApiKeysUseCase keys) {
            this.keys = keys;
        }

        @ModelAttribute
        void section(@AuthenticationPrincipal SignedInUser user, Model model) {
            if (user == null) {
                return;
            }
            model.addAttribute("apiKeys", rows(keys, user));
            model.addAttribute("apiOpen", keys.apiOpenFor(user.id()));
            model.addAttribute("apiBaseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/v1").toUriString());
        }

        static List<Map<String, Object>> rows(ApiKeysUseCase keys, SignedInUser user) {
            return keys.keys(user.id()).stream().map(k -> Map.<String, Object>of(
                    "id", k.id(), "name", k.name(), "prefix", k.prefix(),
                    "created", Formats.minute(k.createdAt()) + " UTC",
                    "used", k.lastUsedAt() != null,
                    "lastUsed", k.lastUsedAt() == null ? "" : Formats.minute(k.lastUsedAt()) + " UTC")).toList();
        }
    }
}

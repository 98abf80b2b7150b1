package uz.suhbat.adapter.in.web.admin;

import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uz.suhbat.application.port.in.admin.LimitsUseCase;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.shared.InvalidValueException;

/** {@code /admin/limits}: the default message limit of new chats. Per-user and per-chat limits are set on their pages. */
@Controller
class LimitsController {

    private final LimitsUseCase limits;

    LimitsController(LimitsUseCase limits) {
        this.limits = limits;
    }

    @GetMapping("/admin/limits")
    String limits(Model model) {
        model.addAttribute("pageTitle", "admin.limits.pageTitle");
        model.addAttribute("nav", Map.of("limits", true));
        if (!model.containsAttribute("chatMessageLimit")) {
            model.addAttribute("chatMessageLimit", limits.defaultChatLimit().value());
        }
        model.addAttribute("max", MessageLimit.MAX);
        return "admin/limits";
    }

    @PostMapping("/admin/limits")
    String change(@AuthenticationPrincipal SignedInAdmin admin, @RequestParam(defaultValue = "") String chatMessageLimit, Model model,
                  RedirectAttributes redirect) {
        try {
            limits.changeDefaultChatLimit(admin.id(), MessageLimit.parse(chatMessageLimit));
        } catch (InvalidValueException invalid) {
            model.addAttribute("chatMessageLimit", chatMessageLimit);
            model.addAttribute("error", invalid.code());
            return limits(model);
        }
        redirect.addFlashAttribute("flash", "admin.limits.saved");
        return "redirect:/admin/limits";
    }
}

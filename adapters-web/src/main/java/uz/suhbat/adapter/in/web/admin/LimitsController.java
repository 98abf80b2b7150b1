package uz.suhbat.adapter.in.web.admin;

import java.util.Map;
import uz.suhbat.adapter.in.web.i18n.Problems;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uz.suhbat.application.port.in.admin.LimitsUseCase;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.shared.InvalidValueException;

/**
 * {@code /admin/limits}: the default message limit of new chats and the default daily quota. Per-user
 * limits and quotas, and per-chat limits, are set on their pages.
 */
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
        if (!model.containsAttribute("dailyQuota")) {
            model.addAttribute("dailyQuota", limits.defaultDailyQuota().map(q -> String.valueOf(q.value())).orElse(""));
        }
        model.addAttribute("max", MessageLimit.MAX);
        model.addAttribute("quotaMax", DailyQuota.MAX);
        return "admin/limits";
    }

    /** A blank {@code dailyQuota} turns the default quota off. */
    @PostMapping("/admin/limits/quota")
    String changeQuota(@AuthenticationPrincipal SignedInAdmin admin, @RequestParam(defaultValue = "") String dailyQuota, Model model,
                       RedirectAttributes redirect) {
        Optional<DailyQuota> quota;
        try {
            quota = dailyQuota.isBlank() ? Optional.empty() : Optional.of(DailyQuota.parse(dailyQuota));
        } catch (InvalidValueException invalid) {
            model.addAttribute("dailyQuota", dailyQuota);
            model.addAttribute("quotaError", Problems.key(invalid.problem()));
            return limits(model);
        }
        limits.changeDefaultDailyQuota(admin.id(), quota);
        redirect.addFlashAttribute("flash", quota.isPresent() ? "admin.limits.quotaSaved" : "admin.limits.quotaRemoved");
        return "redirect:/admin/limits";
    }

    @PostMapping("/admin/limits")
    String change(@AuthenticationPrincipal SignedInAdmin admin, @RequestParam(defaultValue = "") String chatMessageLimit, Model model,
                  RedirectAttributes redirect) {
        try {
            limits.changeDefaultChatLimit(admin.id(), MessageLimit.parse(chatMessageLimit));
        } catch (InvalidValueException invalid) {
            model.addAttribute("chatMessageLimit", chatMessageLimit);
            model.addAttribute("error", Problems.key(invalid.problem()));
            return limits(model);
        }
        redirect.addFlashAttribute("flash", "admin.limits.saved");
        return "redirect:/admin/limits";
    }
}

package uz.suhbat.adapter.in.web.admin;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uz.suhbat.adapter.in.web.i18n.Formats;
import uz.suhbat.application.port.in.conversation.FeedbackReportQuery;
import uz.suhbat.application.port.in.conversation.SharingSwitchUseCase;

/** The admin's switch for share links ({@code POST /admin/sharing}), on the dashboard's feedback card. */
@Controller
class ConversationAdminController {

    private final SharingSwitchUseCase sharing;

    ConversationAdminController(SharingSwitchUseCase sharing) {
        this.sharing = sharing;
    }

    @PostMapping("/admin/sharing")
    String sharing(@AuthenticationPrincipal SignedInAdmin admin, @RequestParam(defaultValue = "") String enabled,
                   RedirectAttributes redirect) {
        boolean on = "true".equals(enabled);
        sharing.setSharingEnabled(admin.id(), on);
        redirect.addFlashAttribute("flash", on ? "admin.sharing.turnedOn" : "admin.sharing.turnedOff");
        return "redirect:/admin#feedback";
    }

    /** The dashboard's feedback card (partial {@code admin/feedback}): the rate per model and the sharing switch. */
    @org.springframework.web.bind.annotation.ControllerAdvice(assignableTypes = DashboardController.class)
    static class DashboardFeedback {

        private final FeedbackReportQuery feedback;
        private final SharingSwitchUseCase sharing;

        DashboardFeedback(FeedbackReportQuery feedback, SharingSwitchUseCase sharing) {
            this.feedback = feedback;
            this.sharing = sharing;
        }

        @ModelAttribute("feedbackRates")
        List<Map<String, Object>> feedbackRates() {
            return feedback.perModel().stream()
                    .map(r -> Map.<String, Object>of("model", r.model(), "up", Formats.count(r.up()), "down", Formats.count(r.down()),
                            "rate", Math.round(r.upShare() * 100) + " %"))
                    .toList();
        }

        @ModelAttribute("sharingEnabled")
        boolean sharingEnabled() {
            return sharing.sharingEnabled();
        }
    }
}

package uz.suhbat.adapter.in.web.page;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.account.VerifyEmailUseCase;

/** {@code /verify}: the link from the verification mail, and asking for a new one. */
@Controller
class VerificationController {

    private final VerifyEmailUseCase verification;

    VerificationController(VerifyEmailUseCase verification) {
        this.verification = verification;
    }

    @GetMapping("/verify")
    String verify(@RequestParam(defaultValue = "") String token, Model model) {
        boolean ok = verification.verify(token);
        model.addAttribute("pageTitle", "verify.pageTitle");
        model.addAttribute("title", ok ? "verify.ok.title" : "verify.failed.title");
        model.addAttribute("text", ok ? "verify.ok.text" : "verify.failed.text");
        model.addAttribute("success", ok);
        model.addAttribute("linkHref", "/");
        model.addAttribute("linkText", "verify.continue");
        return "message";
    }

    @PostMapping("/verify/resend")
    String resend(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        VerifyEmailUseCase.Resend result = verification.resendVerification(user.id());
        redirect.addFlashAttribute("flash", switch (result) {
            case SENT -> "verify.resent";
            case ALREADY_VERIFIED -> "verify.already";
            case THROTTLED -> "verify.throttled";
        });
        return "redirect:/";
    }
}

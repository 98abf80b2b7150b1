package uz.suhbat.adapter.in.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page, with the reason when a previous step sent the person here. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, HttpServletRequest request, Model model) {
        model.addAttribute("pageTitle", "login.pageTitle");
        for (String notice : new String[] {"logout", "registered", "blocked", "ended", "reset", "deleted"}) {
            if (request.getParameter(notice) != null) {
                model.addAttribute("notice", "login." + notice);
            }
        }
        model.addAttribute("error", error != null ? "login.error" : null);
        if (request.getParameter("blocked") != null) {
            // sent here by the request that found the account blocked: said as the sign-in refusal says it, with the reason
            model.addAttribute("notice", null);
            model.addAttribute("error", "login.blocked");
            model.addAttribute("blockedReason", BlockedNotice.reason(request));
        }
        return "login";
    }

    /** Reached by forward from the failed login form, with status 403 (blocked) or 429 (too many tries). */
    @RequestMapping("/login/refused")
    String refused(HttpServletRequest request, Model model) {
        SignInRefusedException refusal = SignInHandlers.refusal(request);
        model.addAttribute("pageTitle", "login.pageTitle");
        model.addAttribute("username", request.getParameter("username"));
        if (refusal == null) {
            return "redirect:/login";
        }
        if (refusal.why() == SignInRefusedException.Why.BLOCKED) {
            model.addAttribute("error", "login.blocked");
            model.addAttribute("blockedReason", refusal.blockedReason());
        } else {
            model.addAttribute("error", "login.throttled");
            model.addAttribute("retryMinutes", Math.max(1, (refusal.retryAfter().toSeconds() + 59) / 60));
        }
        return "login";
    }
}

package uz.suhbat.adapter.in.web.page;

import jakarta.servlet.http.HttpServletRequest;
import uz.suhbat.adapter.in.web.i18n.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uz.suhbat.adapter.in.web.i18n.SuhbatLocaleResolver;
import uz.suhbat.application.port.in.account.PasswordResetUseCase;

/** {@code /forgot-password} and {@code /reset-password}. */
@Controller
class PasswordResetController {

    private final PasswordResetUseCase reset;

    PasswordResetController(PasswordResetUseCase reset) {
        this.reset = reset;
    }

    @GetMapping("/forgot-password")
    String forgot(Model model) {
        model.addAttribute("pageTitle", "forgot.pageTitle");
        return "forgot-password";
    }

    @PostMapping("/forgot-password")
    String requestLink(@RequestParam(defaultValue = "") String email, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("pageTitle", "forgot.pageTitle");
        PasswordResetUseCase.Request result = reset.requestReset(email, request.getRemoteAddr(), SuhbatLocaleResolver.language(LocaleContextHolder.getLocale()).tag());
        if (result == PasswordResetUseCase.Request.THROTTLED) {
            response.setStatus(429);
            model.addAttribute("error", "forgot.throttled");
            model.addAttribute("email", email);
            return "forgot-password";
        }
        model.addAttribute("sent", true);
        return "forgot-password";
    }

    @GetMapping("/reset-password")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        if (!reset.tokenValid(token)) {
            return invalidLink(model);
        }
        model.addAttribute("pageTitle", "reset.pageTitle");
        model.addAttribute("token", token);
        return "reset-password";
    }

    @PostMapping("/reset-password")
    String resetSubmit(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password, Model model) {
        PasswordResetUseCase.Reset result = reset.reset(token, password);
        return switch (result) {
            case PasswordResetUseCase.Done done -> "redirect:/login?reset";
            case PasswordResetUseCase.InvalidToken invalid -> invalidLink(model);
            case PasswordResetUseCase.Rejected rejected -> {
                model.addAttribute("pageTitle", "reset.pageTitle");
                model.addAttribute("token", token);
                model.addAttribute("errors", Problems.keys(rejected.errors()));
                yield "reset-password";
            }
        };
    }

    private static String invalidLink(Model model) {
        model.addAttribute("pageTitle", "reset.pageTitle");
        model.addAttribute("title", "reset.invalid.title");
        model.addAttribute("text", "reset.invalid.text");
        model.addAttribute("linkHref", "/forgot-password");
        model.addAttribute("linkText", "reset.invalid.again");
        return "message";
    }
}

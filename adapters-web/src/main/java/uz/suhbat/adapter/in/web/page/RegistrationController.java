package uz.suhbat.adapter.in.web.page;

import java.util.Map;
import uz.suhbat.adapter.in.web.i18n.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uz.suhbat.adapter.in.web.i18n.SuhbatLocaleResolver;
import uz.suhbat.application.port.in.account.RegisterUseCase;

/** {@code /register}. Only the three form fields are read; anything else a client posts is ignored. */
@Controller
class RegistrationController {

    private final RegisterUseCase register;

    RegistrationController(RegisterUseCase register) {
        this.register = register;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("pageTitle", "register.pageTitle");
        return "register";
    }

    @PostMapping("/register")
    String submit(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String password, Model model) {
        RegisterUseCase.Result result = register.register(
                new RegisterUseCase.Command(username, email, password, SuhbatLocaleResolver.language(LocaleContextHolder.getLocale()).tag()));
        if (result instanceof RegisterUseCase.CheckInbox) {
            // the same answer whether the address is new or has an account already (then its owner is told by mail)
            return "redirect:/login?registered";
        }
        model.addAttribute("pageTitle", "register.pageTitle");
        model.addAttribute("form", Map.of("username", username, "email", email));
        model.addAttribute("errors", Problems.keys(((RegisterUseCase.Rejected) result).errors()));
        return "register";
    }
}

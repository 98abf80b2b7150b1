package uz.suhbat.adapter.in.web.page;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uz.suhbat.adapter.in.web.security.CurrentAccount;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.account.SessionCheckQuery;

@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model) {
        model.addAttribute("pageTitle", "app.name");
        model.addAttribute("username", user.username());
        model.addAttribute("unverified", !CurrentAccount.of(request).map(SessionCheckQuery.Active::emailVerified).orElse(false));
        return "home";
    }
}

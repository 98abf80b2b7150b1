package uz.suhbat.adapter.in.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The admin sign-in page; the form is processed by the admin filter chain. */
@Controller
class AdminLoginController {

    @GetMapping("/admin/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("pageTitle", "admin.login.pageTitle");
        model.addAttribute("stylesheets", AdminPages.STYLESHEETS);
        if (request.getParameter("error") != null) {
            model.addAttribute("error", "admin.login.error");
        }
        if (request.getParameter("logout") != null) {
            model.addAttribute("notice", "admin.login.loggedOut");
        }
        return "admin/login";
    }

    /** Reached by forward from the failed form, with status 429. */
    @RequestMapping(AdminSecurityConfiguration.THROTTLED_PAGE)
    String throttled(HttpServletRequest request, Model model) {
        Object seconds = request.getAttribute(AdminSecurityConfiguration.THROTTLED);
        if (!(seconds instanceof Long retryAfter)) {
            return "redirect:/admin/login";
        }
        model.addAttribute("pageTitle", "admin.login.pageTitle");
        model.addAttribute("stylesheets", AdminPages.STYLESHEETS);
        model.addAttribute("error", "admin.login.throttled");
        model.addAttribute("retryMinutes", Math.max(1, (retryAfter + 59) / 60));
        model.addAttribute("username", request.getParameter("username"));
        return "admin/login";
    }
}

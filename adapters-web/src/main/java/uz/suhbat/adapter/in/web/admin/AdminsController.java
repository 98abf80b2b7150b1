package uz.suhbat.adapter.in.web.admin;

import java.util.Map;
import uz.suhbat.adapter.in.web.i18n.Problems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uz.suhbat.application.port.in.admin.ManageAdminsUseCase;

/** {@code /admin/admins}: the list of admins; the main admin adds and removes the others. */
@Controller
class AdminsController {

    private final ManageAdminsUseCase admins;

    AdminsController(ManageAdminsUseCase admins) {
        this.admins = admins;
    }

    @GetMapping("/admin/admins")
    String list(@AuthenticationPrincipal SignedInAdmin admin, Model model) {
        model.addAttribute("pageTitle", "admin.admins.pageTitle");
        model.addAttribute("nav", Map.of("admins", true));
        model.addAttribute("mayManage", admin.main());
        model.addAttribute("admins", admins.admins().stream().map(a -> new AdminRow(
                a.id(), a.username(), a.email(), AdminPages.minute(a.createdAt()), a.main(), a.id() == admin.id())).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("username", "", "email", ""));
        }
        return "admin/admins";
    }

    /** An admin as the admins page lists them; {@code self}: the admin looking at the page. */
    record AdminRow(long id, String username, String email, String created, boolean main, boolean self) {
    }

    @PostMapping("/admin/admins")
    String add(@AuthenticationPrincipal SignedInAdmin admin, @RequestParam(defaultValue = "") String username,
               @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password, Model model,
               RedirectAttributes redirect) {
        Map<String, String> errors = Problems.keys(admins.add(admin.id(), username, email, password));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "admin.admins.added");
            return "redirect:/admin/admins";
        }
        model.addAttribute("form", Map.of("username", username, "email", email));
        model.addAttribute("errors", errors);
        return list(admin, model);
    }

    @PostMapping("/admin/admins/{id}/remove")
    String remove(@AuthenticationPrincipal SignedInAdmin admin, @PathVariable long id, RedirectAttributes redirect) {
        Map<String, String> errors = Problems.keys(admins.remove(admin.id(), id));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "admin.admins.removed");
        } else {
            redirect.addFlashAttribute("flashError", errors.get("admin"));
        }
        return "redirect:/admin/admins";
    }
}

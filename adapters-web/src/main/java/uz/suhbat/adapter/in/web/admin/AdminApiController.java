package uz.suhbat.adapter.in.web.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uz.suhbat.adapter.in.web.i18n.Formats;
import uz.suhbat.application.port.in.api.ApiAdministrationUseCase;

/**
 * {@code /admin/api}: the OpenAI-compatible API's switch for everyone and for single users, API use per day (marked
 * apart from the chat screen's use) and per key (requests and tokens of the last 30 days).
 */
@Controller
class AdminApiController {

    static final int DAYS = 30;

    private final ApiAdministrationUseCase api;

    AdminApiController(ApiAdministrationUseCase api) {
        this.api = api;
    }

    @GetMapping("/admin/api")
    String page(Model model) {
        model.addAttribute("pageTitle", "admin.api.pageTitle");
        model.addAttribute("nav", Map.of("api", true));
        model.addAttribute("apiOpen", api.apiOpen());
        model.addAttribute("days", DAYS);
        List<Map<String, Object>> keys = api.usageByKey(DAYS).stream().map(k -> {
            Map<String, Object> row = new HashMap<>();
            row.put("username", k.username());
            row.put("userId", k.userId());
            row.put("keyName", k.keyName());
            row.put("prefix", k.prefix());
            row.put("revoked", k.revoked());
            row.put("lastUsed", k.lastUsedAt() == null ? "—" : Formats.minute(k.lastUsedAt()));
            row.put("requests", Formats.count(k.requests()));
            row.put("inputTokens", Formats.count(k.inputTokens()));
            row.put("outputTokens", Formats.count(k.outputTokens()));
            return row;
        }).toList();
        model.addAttribute("keys", keys);
        model.addAttribute("daily", api.usageByDay(DAYS).stream().map(d -> Map.of(
                "date", Formats.day(d.day()), "requests", Formats.count(d.requests()),
                "inputTokens", Formats.count(d.inputTokens()), "outputTokens", Formats.count(d.outputTokens()))).toList());
        model.addAttribute("usersOff", api.usersWithApiOff().stream().map(e -> Map.of("id", e.getKey(), "username", e.getValue())).toList());
        return "admin/api";
    }

    @PostMapping("/admin/api/access")
    String access(@AuthenticationPrincipal SignedInAdmin admin, @RequestParam(defaultValue = "") String open, RedirectAttributes redirect) {
        api.setApiOpen(admin.id(), "true".equals(open));
        redirect.addFlashAttribute("flash", "true".equals(open) ? "admin.api.opened" : "admin.api.closed");
        return "redirect:/admin/api";
    }

    @PostMapping("/admin/api/users")
    String user(@AuthenticationPrincipal SignedInAdmin admin, @RequestParam(defaultValue = "") String username,
                @RequestParam(defaultValue = "") String enabled, RedirectAttributes redirect) {
        if (api.setUserApiDisabled(admin.id(), username, !"true".equals(enabled))) {
            redirect.addFlashAttribute("flash", "true".equals(enabled) ? "admin.api.userOn" : "admin.api.userOff");
        } else {
            redirect.addFlashAttribute("flashError", "admin.api.noSuchUser");
        }
        return "redirect:/admin/api";
    }
}

package uz.suhbat.adapter.in.web.admin;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uz.suhbat.application.port.in.admin.AuditLogQuery;
import uz.suhbat.domain.audit.AuditEntry;
import uz.suhbat.domain.report.Page;

/** {@code /admin/audit}: who did what and when, newest first. */
@Controller
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditLogQuery audit;

    AuditController(AuditLogQuery audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(defaultValue = "1") int page, Model model) {
        Page<AuditEntry> entries = audit.entries(page, PAGE_SIZE);
        model.addAttribute("pageTitle", "admin.audit.pageTitle");
        model.addAttribute("nav", Map.of("audit", true));
        model.addAttribute("entries", entries.items().stream().map(e -> Map.of(
                "at", AdminPages.second(e.at()),
                "admin", e.adminUsername(),
                "action", "admin.audit.action." + e.action().name(),
                "target", e.target(),
                "detail", e.detail())).toList());
        model.addAttribute("pager", AdminPages.pager(entries, "/admin/audit", ""));
        return "admin/audit";
    }
}

package uz.suhbat.adapter.in.web.admin;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

    /** Targets that name a setting rather than a user, chat or model, with the text that names it. */
    private static final Map<String, String> SETTINGS = Map.of(
            "chatMessageLimit", "admin.limits.chatMessageLimit",
            "dailyQuota", "admin.limits.dailyQuota");
    /** The detail of a created model, as the application writes it. */
    private static final Pattern PAGES = Pattern.compile("(\\d+) pages");

    private final AuditLogQuery audit;
    private final MessageSource messages;

    AuditController(AuditLogQuery audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(defaultValue = "1") int page, Model model) {
        Page<AuditEntry> entries = audit.entries(page, PAGE_SIZE);
        model.addAttribute("pageTitle", "admin.audit.pageTitle");
        model.addAttribute("nav", Map.of("audit", true));
        model.addAttribute("entries", entries.items().stream().map(e -> new EntryRow(AdminPages.second(e.at()), e.adminUsername(),
                "admin.audit.action." + e.action().name(), target(e.target()), detail(e.detail()))).toList());
        model.addAttribute("pager", AdminPages.pager(entries, "/admin/audit", ""));
        return "admin/audit";
    }

    /** One line of the audit log as the page shows it; {@code action}: a bundle key. */
    record EntryRow(String at, String admin, String action, String target, String detail) {
    }

    /** The log keeps a setting's name; the page shows what the limits page calls it, in the page's language. */
    private String target(String target) {
        String key = target == null ? null : SETTINGS.get(target);
        return key == null ? (target == null ? "" : target) : messages.getMessage(key, null, target, LocaleContextHolder.getLocale());
    }

    /** The page count of a created model, in the page's language ("12 страниц"); other details as written. */
    private String detail(String detail) {
        Matcher pages = detail == null ? null : PAGES.matcher(detail);
        if (pages != null && pages.matches()) {
            Locale locale = LocaleContextHolder.getLocale();
            return messages.getMessage("admin.audit.pages", new Object[] {Map.of("n", Long.parseLong(pages.group(1)))}, detail, locale);
        }
        return detail == null ? "" : detail;
    }
}

package uz.suhbat.adapter.in.web.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uz.suhbat.domain.report.Page;

/** What every admin page shows: its stylesheet and the signed-in admin; plus the shared date format and pager. */
@ControllerAdvice(basePackageClasses = AdminPages.class)
class AdminPages {

    static final List<String> STYLESHEETS = List.of("/css/admin.css");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @ModelAttribute("stylesheets")
    List<String> stylesheets() {
        return STYLESHEETS;
    }

    @ModelAttribute("admin")
    SignedInAdmin admin(@AuthenticationPrincipal SignedInAdmin admin) {
        return admin;
    }

    /** UTC, to the minute; empty for no time. */
    static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    static String second(Instant instant) {
        return instant == null ? "" : SECOND.format(instant);
    }

    /** Links to the previous and next page, keeping the other query parameters ({@code query} is already URL-encoded). */
    static Map<String, Object> pager(Page<?> page, String path, String query) {
        String base = path + "?" + (query.isEmpty() ? "" : query + "&") + "page=";
        return Map.of(
                "page", page.page(),
                "pages", page.pages(),
                "total", page.total(),
                "previous", page.page() > 1 ? base + (page.page() - 1) : "",
                "next", page.page() < page.pages() ? base + (page.page() + 1) : "",
                "many", page.pages() > 1);
    }
}

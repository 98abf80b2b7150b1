package uz.suhbat.adapter.in.web.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    /** A count with its thousands apart ("17 280"), by a narrow no-break space that never splits the number. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', '\u202F');
    }

    /**
     * Links to the previous and next page, keeping the other query parameters ({@code query} is already
     * URL-encoded). A missing link is null, not "": Mustache skips a section only for null.
     */
    static Map<String, Object> pager(Page<?> page, String path, String query) {
        String base = path + "?" + (query.isEmpty() ? "" : query + "&") + "page=";
        Map<String, Object> pager = new HashMap<>();
        pager.put("page", page.page());
        pager.put("pages", page.pages());
        pager.put("total", page.total());
        pager.put("previous", page.page() > 1 ? base + (page.page() - 1) : null);
        pager.put("next", page.page() < page.pages() ? base + (page.page() + 1) : null);
        pager.put("many", page.pages() > 1);
        return pager;
    }
}

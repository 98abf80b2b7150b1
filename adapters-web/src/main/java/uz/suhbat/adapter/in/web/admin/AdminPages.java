package uz.suhbat.adapter.in.web.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uz.suhbat.adapter.in.web.i18n.Formats;
import uz.suhbat.domain.report.Page;

/** What every admin page shows: its stylesheet and the signed-in admin; plus the shared date format and pager. */
@ControllerAdvice(basePackageClasses = AdminPages.class)
class AdminPages {

    static final List<String> STYLESHEETS = List.of("/css/admin.css");

    @ModelAttribute("stylesheets")
    List<String> stylesheets() {
        return STYLESHEETS;
    }

    @ModelAttribute("admin")
    SignedInAdmin admin(@AuthenticationPrincipal SignedInAdmin admin) {
        return admin;
    }

    /** UTC, to the minute, as the page's language writes it; empty for no time. */
    static String minute(Instant instant) {
        return Formats.minute(instant);
    }

    static String second(Instant instant) {
        return Formats.second(instant);
    }

    /** A count with its thousands apart as the page's language does it ("17 280", "17,280"). */
    static String count(long value) {
        return Formats.count(value);
    }

    /**
     * Links to the previous and next page, keeping the other query parameters ({@code query} is already
     * URL-encoded). A missing link is null, not "": Mustache skips a section only for null.
     */
    static Pager pager(Page<?> page, String path, String query) {
        String base = path + "?" + (query.isEmpty() ? "" : query + "&") + "page=";
        return new Pager(page.page(), page.pages(), page.total(), page.page() > 1 ? base + (page.page() - 1) : null,
                page.page() < page.pages() ? base + (page.page() + 1) : null, page.pages() > 1,
                // a total estimated from the newest chats, or counted in the newest ones only (a common word, a short term)
                page.estimated(), page.searchedNewest() > 0 ? page.searchedNewest() : null);
    }

    /**
     * The pager under a list: {@code previous} and {@code next} are links, or null at the ends; {@code estimated}: the
     * total is an estimate; {@code searchedNewest}: how many of the newest were searched, or null when all were.
     */
    record Pager(int page, int pages, long total, String previous, String next, boolean many, boolean estimated, Long searchedNewest) {
    }
}

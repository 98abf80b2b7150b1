package uz.suhbat.adapter.in.web.i18n;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Times, days and counts as the page's language writes them (CLDR data of the JDK): "29-noy, 2026, 19:05",
 * "29 ноя, 2026 19:05", "29 нояб. 2026 г., 19:05", "Nov 29, 2026, 7:05 PM"; "1 234" or "1,234". Times are in the
 * viewer's time zone: the one their browser named in the cookie {@value #ZONE_COOKIE} (set by {@code /js/time-zone.js} on
 * every page), else UTC; {@link #zoneName()} says which, for the pages to state it. Only for use while a request is handled
 * (the locale and the zone are the request's).
 */
public final class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofLocalizedPattern("MMMd");

    private Formats() {
    }

    /** The browser's IANA time zone ("Asia/Tashkent"), URL-encoded. */
    public static final String ZONE_COOKIE = "suhbat_tz";
    private static final String ZONE_ATTRIBUTE = Formats.class.getName() + ".zone";

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** The viewer's time zone for this request: the browser's, when it sent a valid one, else UTC. */
    public static java.time.ZoneId zone() {
        if (!(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes)) {
            return ZoneOffset.UTC;
        }
        jakarta.servlet.http.HttpServletRequest request = attributes.getRequest();
        if (request.getAttribute(ZONE_ATTRIBUTE) instanceof java.time.ZoneId known) {
            return known;
        }
        java.time.ZoneId zone = ZoneOffset.UTC;
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        for (jakarta.servlet.http.Cookie cookie : cookies == null ? new jakarta.servlet.http.Cookie[0] : cookies) {
            if (ZONE_COOKIE.equals(cookie.getName()) && cookie.getValue().length() <= 64) {
                try {
                    zone = java.time.ZoneId.of(java.net.URLDecoder.decode(cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                } catch (java.time.DateTimeException | IllegalArgumentException unknown) {
                    zone = ZoneOffset.UTC;
                }
            }
        }
        request.setAttribute(ZONE_ATTRIBUTE, zone);
        return zone;
    }

    /** How the pages name the zone their times are in: "UTC", or the browser's zone id ("Asia/Tashkent"). */
    public static String zoneName() {
        java.time.ZoneId zone = zone();
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** A time to the minute, in the viewer's zone; empty for no time. */
    public static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.withLocale(locale()).withZone(zone()).format(instant);
    }

    /** A time to the second, in the viewer's zone; empty for no time. */
    public static String second(Instant instant) {
        return instant == null ? "" : SECOND.withLocale(locale()).withZone(zone()).format(instant);
    }

    public static String day(LocalDate day) {
        return day == null ? "" : DAY.withLocale(locale()).format(day);
    }

    /**
     * A day without its year, short ("29-noy", "29 ноя", "29 нояб.", "Nov 29"), for a chart's axis. The server writes
     * these because a browser may lack the month names of some languages (Chromium shows "M11" for Uzbek).
     */
    public static String shortDay(LocalDate day) {
        return day == null ? "" : SHORT_DAY.withLocale(locale()).format(day);
    }

    /** A number with two decimals as the language writes it ("0.83", "0,83"). */
    public static String twoDecimals(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** A count with the language's grouping of thousands, by a no-break space where the language uses a space. */
    public static String count(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }
}

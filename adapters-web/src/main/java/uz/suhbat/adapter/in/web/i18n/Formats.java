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
 * "29 ноя, 2026 19:05", "29 нояб. 2026 г., 19:05", "Nov 29, 2026, 7:05 PM"; "1 234" or "1,234". Times are UTC,
 * as the pages say. Only for use while a request is handled (the locale is the request's).
 */
public final class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofLocalizedPattern("MMMd");

    private Formats() {
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** A UTC time to the minute; empty for no time. */
    public static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.withLocale(locale()).format(instant);
    }

    /** A UTC time to the second; empty for no time. */
    public static String second(Instant instant) {
        return instant == null ? "" : SECOND.withLocale(locale()).format(instant);
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

package uz.suhbat.adapter.in.web.i18n;

import com.samskivert.mustache.Mustache;
import jakarta.servlet.http.HttpServletRequest;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.HtmlUtils;
import uz.suhbat.domain.user.Language;

/**
 * What every page template may use: {@code {{#t}}key{{/t}}} for a translated, escaped message;
 * {@code {{#tf}}key n=3 total=10{{/tf}}} for a message with named numbers (ICU plurals);
 * {@code {{#n}}12345{{/n}}} for a number in the page language ("12 345", "12,345");
 * {@code lang} for the page language's tag, {@code languages} for the switch, and {@code csrf} for forms
 * and the API meta tags.
 * <p>
 * Only for the controllers that render pages (and the error pages): Spring calls every {@code @ModelAttribute} method of an
 * advice that applies before each request's handler, so applied to every controller these seven ran (by reflection, each
 * with its own argument resolution) before every JSON call as well, a new chat's among them, for a model nobody renders
 * (docs/benchmarks.md, "Session 12: the single chat's path on a new machine").
 */
@ControllerAdvice(basePackages = {
    "uz.suhbat.adapter.in.web.page",
    "uz.suhbat.adapter.in.web.admin",
    "uz.suhbat.adapter.in.web.security",
    "uz.suhbat.adapter.in.web.source"
}, assignableTypes = ErrorController.class)
class PageModelAdvice {

    /** Each language named in itself, as the switch shows it. */
    static final Map<Language, String> NAMES = Map.of(
            Language.UZBEK_LATIN, "Oʻzbekcha",
            Language.UZBEK_CYRILLIC, "Ўзбекча",
            Language.RUSSIAN, "Русский",
            Language.ENGLISH, "English");

    private final MessageSource messages;

    PageModelAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("t")
    Mustache.Lambda translate() {
        Locale locale = LocaleContextHolder.getLocale();
        return (fragment, out) -> {
            String key = fragment.execute().strip();
            out.write(HtmlUtils.htmlEscape(messages.getMessage(key, null, key, locale)));
        };
    }

    @ModelAttribute("tf")
    Mustache.Lambda translateWithNumbers() {
        Locale locale = LocaleContextHolder.getLocale();
        return (fragment, out) -> {
            String[] parts = fragment.execute().strip().split("\\s+");
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq > 0) {
                    String value = parts[i].substring(eq + 1);
                    values.put(parts[i].substring(0, eq), number(value));
                }
            }
            out.write(HtmlUtils.htmlEscape(messages.getMessage(parts[0], new Object[] {values}, parts[0], locale)));
        };
    }

    @ModelAttribute("n")
    Mustache.Lambda number() {
        Locale locale = LocaleContextHolder.getLocale();
        return (fragment, out) -> {
            String text = fragment.execute().strip();
            Object value = number(text);
            out.write(HtmlUtils.htmlEscape(value instanceof Long l ? NumberFormat.getIntegerInstance(locale).format(l) : text));
        };
    }

    private static Object number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    @ModelAttribute("lang")
    String lang() {
        return SuhbatLocaleResolver.language(LocaleContextHolder.getLocale()).tag();
    }

    /** The switch: every language, named in itself, the page's one marked. */
    @ModelAttribute("languages")
    List<Map<String, Object>> languages() {
        Language current = SuhbatLocaleResolver.language(LocaleContextHolder.getLocale());
        return Language.all().stream()
                .map(l -> Map.<String, Object>of("tag", l.tag(), "name", NAMES.get(l), "current", l == current))
                .toList();
    }

    /** The zone the page's times are in ("UTC" or the browser's, "Asia/Tashkent"), stated under the language switch. */
    @ModelAttribute("timeZone")
    String timeZone() {
        return Formats.zoneName();
    }

    @ModelAttribute("csrf")
    CsrfToken csrf(HttpServletRequest request) {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }
}

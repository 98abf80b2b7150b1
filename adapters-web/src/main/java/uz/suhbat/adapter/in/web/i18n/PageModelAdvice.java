package uz.suhbat.adapter.in.web.i18n;

import com.samskivert.mustache.Mustache;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.HtmlUtils;

/**
 * What every page template may use: {@code {{#t}}key{{/t}}} for a translated, escaped message,
 * {@code lang} for the page language, and {@code csrf} for forms and the API meta tags.
 */
@ControllerAdvice
class PageModelAdvice {

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

    @ModelAttribute("lang")
    String lang() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    @ModelAttribute("uz")
    boolean uzbek() {
        return "uz".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    @ModelAttribute("csrf")
    CsrfToken csrf(HttpServletRequest request) {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }
}

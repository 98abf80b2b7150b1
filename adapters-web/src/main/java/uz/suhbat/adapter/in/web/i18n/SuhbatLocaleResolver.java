package uz.suhbat.adapter.in.web.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page language: a chosen one (cookie {@code lang}) first, then the best of the browser's
 * Accept-Language among the languages we have, and Uzbek when the browser asks for neither.
 */
public final class SuhbatLocaleResolver implements LocaleResolver {

    public static final Locale UZBEK = Locale.forLanguageTag("uz");
    public static final List<Locale> SUPPORTED = List.of(UZBEK, Locale.ENGLISH);
    static final String COOKIE = "lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object chosen = request.getAttribute(COOKIE);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    Locale supported = supported(cookie.getValue());
                    if (supported != null) {
                        return supported;
                    }
                }
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // a broken header is the browser's problem; fall through to the default
            }
        }
        return UZBEK;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale supported = locale == null ? null : supported(locale.getLanguage());
        if (supported == null) {
            return;
        }
        request.setAttribute(COOKIE, supported);
        Cookie cookie = new Cookie(COOKIE, supported.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static Locale supported(String language) {
        for (Locale locale : SUPPORTED) {
            if (locale.getLanguage().equalsIgnoreCase(language)) {
                return locale;
            }
        }
        return null;
    }
}

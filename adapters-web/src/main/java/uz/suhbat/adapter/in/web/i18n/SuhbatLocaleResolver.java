package uz.suhbat.adapter.in.web.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;
import uz.suhbat.adapter.in.web.security.CurrentAccount;
import uz.suhbat.domain.user.Language;

/**
 * The page language, first of: the one chosen with the switch in this request; the signed-in user's or admin's own
 * (kept on the account, so it follows them to every device); the one chosen on this device (cookie
 * {@code lang}); the best of the browser's Accept-Language among ours ({@code uz-Cyrl} is Uzbek in Cyrillic
 * script, {@code uz}, {@code uz-UZ} and {@code uz-Latn} Uzbek in Latin script, then {@code ru}, {@code en});
 * and Uzbek in Latin script when the browser asks for none of them.
 */
public final class SuhbatLocaleResolver implements LocaleResolver {

    public static final Locale UZBEK = locale(Language.UZBEK_LATIN);
    public static final List<Locale> SUPPORTED = Language.all().stream().map(SuhbatLocaleResolver::locale).toList();
    static final String COOKIE = "lang";
    private static final String CHOSEN = SuhbatLocaleResolver.class.getName() + ".chosen";
    /** Request attribute: the tag of the signed-in admin's own language, set by the admin session check. */
    public static final String ADMIN_LANGUAGE = SuhbatLocaleResolver.class.getName() + ".admin";

    /** The Java locale of a language: "uz", "uz-Cyrl", "ru", "en". */
    public static Locale locale(Language language) {
        return Locale.forLanguageTag(language.tag());
    }

    /** The language of a locale we resolved (the default one for anything else). */
    public static Language language(Locale locale) {
        return Language.orDefault(locale == null ? null : locale.toLanguageTag());
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        Optional<Language> account = CurrentAccount.of(request).flatMap(active -> Language.of(active.language()));
        if (account.isPresent()) {
            return locale(account.get());
        }
        Optional<Language> admin = Language.of((String) request.getAttribute(ADMIN_LANGUAGE));
        if (admin.isPresent()) {
            return locale(admin.get());
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    Optional<Language> device = Language.of(cookie.getValue());
                    if (device.isPresent()) {
                        return locale(device.get());
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
        Optional<Language> chosen = Language.of(locale == null ? null : locale.toLanguageTag());
        if (chosen.isEmpty()) {
            return;
        }
        request.setAttribute(CHOSEN, locale(chosen.get()));
        Cookie cookie = new Cookie(COOKIE, chosen.get().tag());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}

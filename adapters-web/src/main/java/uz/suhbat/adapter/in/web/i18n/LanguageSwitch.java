package uz.suhbat.adapter.in.web.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.account.ProfileUseCase;
import uz.suhbat.domain.user.Language;

/**
 * The language switch: {@code ?lang=uz|uz-Cyrl|ru|en} on any page. The choice is kept on this device (a
 * cookie) and, when a user is signed in, on their account, so that their other devices and the mail we send
 * them speak it too. An unknown value changes nothing. Only the language changes, so a link is enough
 * (no form): the worst a forged link can do is switch someone's language, which they switch back.
 */
final class LanguageSwitch implements HandlerInterceptor {

    static final String PARAMETER = "lang";

    private final LocaleResolver locales;
    private final ProfileUseCase profiles;

    LanguageSwitch(LocaleResolver locales, ProfileUseCase profiles) {
        this.locales = locales;
        this.profiles = profiles;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // the switch is a link; a form's fields are never taken for it
        String asked = "GET".equals(request.getMethod()) ? request.getParameter(PARAMETER) : null;
        if (asked == null) {
            return true;
        }
        Language.of(asked).ifPresent(chosen -> {
            locales.setLocale(request, response, SuhbatLocaleResolver.locale(chosen));
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
                profiles.chooseLanguage(user.id(), chosen.tag());
            }
        });
        return true;
    }
}

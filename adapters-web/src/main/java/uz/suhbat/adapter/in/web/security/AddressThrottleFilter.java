package uz.suhbat.adapter.in.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import uz.suhbat.application.port.in.account.AddressThrottleUseCase;
import uz.suhbat.application.port.in.account.AddressThrottleUseCase.Action;

/**
 * Per client address limits on the forms that create accounts or send mail (registration, the
 * verification mail again), after the CSRF check: past them the answer is 429 with Retry-After and a
 * sentence, and nothing is created or sent.
 */
class AddressThrottleFilter extends OncePerRequestFilter {

    private final AddressThrottleUseCase throttles;
    private final MessageSource messages;
    private final LocaleResolver locales;

    AddressThrottleFilter(AddressThrottleUseCase throttles, MessageSource messages, LocaleResolver locales) {
        this.throttles = throttles;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Action action = actionOf(request);
        if (action != null) {
            Duration wait = throttles.attempt(action, request.getRemoteAddr());
            if (!wait.isZero()) {
                long seconds = Math.max(1, wait.toSeconds());
                response.setStatus(429);
                response.setHeader("Retry-After", String.valueOf(seconds));
                response.setContentType("text/html;charset=UTF-8");
                String sentence = messages.getMessage("throttle.address", new Object[] {seconds}, locales.resolveLocale(request));
                // the sentence comes from our own bundle and holds only a number: nothing to escape from the request
                response.getWriter().write("<!doctype html><html><head><meta charset=\"utf-8\"><title>429</title>"
                        + "<link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main class=\"auth\"><div class=\"auth-card\">"
                        + "<p role=\"alert\">" + sentence + "</p><p><a href=\"/login\">Suhbat</a></p></div></main></body></html>");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static Action actionOf(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        return switch (request.getRequestURI()) {
            case "/register" -> Action.REGISTER;
            case "/verify/resend" -> Action.VERIFICATION_MAIL;
            default -> null;
        };
    }
}

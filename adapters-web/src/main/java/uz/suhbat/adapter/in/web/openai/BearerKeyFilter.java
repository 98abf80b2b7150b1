package uz.suhbat.adapter.in.web.openai;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import uz.suhbat.application.port.in.api.ApiKeysUseCase;

/**
 * {@code Authorization: Bearer <key>} on every /v1 call, checked against the stored hashes with the owner's state in one
 * query: no session, no cookie, no CSRF token (a bearer key is not sent by a browser on its own). A missing, unknown or
 * revoked key answers 401, a blocked owner or a switched-off API 403, in OpenAI's error shape.
 */
final class BearerKeyFilter extends OncePerRequestFilter {

    private final ApiKeysUseCase keys;
    private final MessageSource messages;
    private final LocaleResolver locales;

    BearerKeyFilter(ApiKeysUseCase keys, MessageSource messages, LocaleResolver locales) {
        this.keys = keys;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String key = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        ApiKeysUseCase.Check check = keys.check(key);
        if (check instanceof ApiKeysUseCase.Check.Accepted accepted) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(accepted.caller(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_API"))));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
            return;
        }
        ApiKeysUseCase.Reason reason = ((ApiKeysUseCase.Check.Refused) check).reason();
        Locale locale = locales.resolveLocale(request);
        String type = reason == ApiKeysUseCase.Reason.UNKNOWN_KEY ? "authentication_error" : "permission_error";
        String code = switch (reason) {
            case UNKNOWN_KEY -> "invalid_api_key";
            case API_OFF -> "api_access_disabled";
            case BLOCKED -> "account_blocked";
        };
        response.setStatus(OpenAiErrors.status(type).value());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("x-should-retry", "false");
        response.getWriter().write(OpenAiErrors.body(messages.getMessage("openai.error." + code, null, locale), type, code, null));
    }
}

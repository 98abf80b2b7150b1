package uz.suhbat.adapter.in.web.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import uz.suhbat.adapter.in.web.i18n.SuhbatLocaleResolver;
import uz.suhbat.application.port.in.admin.AdminSignInUseCase;
import uz.suhbat.domain.user.Language;

/**
 * Ends an admin session at its next request once that admin has been removed; otherwise leaves the admin's
 * own language (picked with the switch on any device) for the page.
 */
class AdminSessionFilter extends OncePerRequestFilter {

    private final AdminSignInUseCase admins;

    AdminSessionFilter(AdminSignInUseCase admins) {
        this.admins = admins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAdmin admin) {
            Optional<AdminSignInUseCase.Active> active = admins.active(admin.id());
            if (active.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    // only the admin's context: a user session in the same browser goes on
                    session.removeAttribute(AdminSecurityConfiguration.CONTEXT_KEY);
                }
            } else {
                // the switch (?lang=…) keeps the admin's pick for their other devices; the page language follows it
                String picked = "GET".equals(request.getMethod()) ? request.getParameter("lang") : null;
                String language = picked != null && admins.chooseLanguage(admin.id(), picked)
                        ? Language.orDefault(picked).tag() : active.get().language();
                if (language != null) {
                    request.setAttribute(SuhbatLocaleResolver.ADMIN_LANGUAGE, language);
                }
            }
        }
        chain.doFilter(request, response);
    }
}

package uz.suhbat.adapter.in.web.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import uz.suhbat.application.port.in.admin.AdminSignInUseCase;

/** Ends an admin session at its next request once that admin has been removed. */
class AdminSessionFilter extends OncePerRequestFilter {

    private final AdminSignInUseCase admins;

    AdminSessionFilter(AdminSignInUseCase admins) {
        this.admins = admins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAdmin admin && !admins.stillAdmin(admin.id())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                // only the admin's context: a user session in the same browser goes on
                session.removeAttribute(AdminSecurityConfiguration.CONTEXT_KEY);
            }
        }
        chain.doFilter(request, response);
    }
}

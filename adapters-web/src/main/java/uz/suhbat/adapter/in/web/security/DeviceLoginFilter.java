package uz.suhbat.adapter.in.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import uz.suhbat.application.port.in.account.DeviceLoginUseCase;

/**
 * Signs a remembered device in when it comes back without a session, and renews the two days
 * on every signed-in visit.
 */
class DeviceLoginFilter extends OncePerRequestFilter {

    private static final String LAST_VISIT = DeviceLoginFilter.class.getName() + ".lastVisit";
    private static final long VISIT_RESOLUTION_MILLIS = 60_000;

    private final DeviceLoginUseCase devices;
    private final SecurityContextRepository contexts;

    DeviceLoginFilter(DeviceLoginUseCase devices, SecurityContextRepository contexts) {
        this.devices = devices;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String cookie = DeviceCookie.read(request);
        if (cookie != null && !cookie.isEmpty() && !isStatic(request)) {
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            if (current != null && current.getPrincipal() instanceof SignedInUser) {
                visited(request, cookie);
            } else if (!resume(request, response, cookie)) {
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Renews the device's two days; at most once a minute per session, so a busy page costs no database reads. */
    private void visited(HttpServletRequest request, String cookie) {
        HttpSession session = request.getSession(false);
        long now = System.currentTimeMillis();
        Object last = session == null ? null : session.getAttribute(LAST_VISIT);
        if (last instanceof Long at && now - at < VISIT_RESOLUTION_MILLIS) {
            return;
        }
        devices.visited(cookie);
        if (session != null) {
            session.setAttribute(LAST_VISIT, now);
        }
    }

    /** False when the request was answered here: the device's account is blocked, and the person is sent to be told why. */
    private boolean resume(HttpServletRequest request, HttpServletResponse response, String cookie) throws IOException {
        DeviceLoginUseCase.Resumed resumed = devices.resume(cookie, request.getHeader("User-Agent"));
        if (resumed instanceof DeviceLoginUseCase.Blocked blocked) {
            DeviceCookie.clear(request, response);
            BlockedNotice.remember(request, blocked.reason());
            if (!request.getRequestURI().startsWith("/api/") && "GET".equals(request.getMethod())
                    && !request.getRequestURI().startsWith("/login")) {
                response.sendRedirect("/login?blocked");
                return false;
            }
            return true;
        }
        if (!(resumed instanceof DeviceLoginUseCase.Valid valid)) {
            DeviceCookie.clear(request, response);
            return true;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // a new session id for a new sign-in
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new SignedInUser(valid.userId(), valid.username(), valid.sessionEpoch()), null, SignInAuthenticationProvider.USER));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        DeviceCookie.bindSession(request, cookie);
        if (valid.newCookieValue() != null) {
            DeviceCookie.write(request, response, valid.newCookieValue());
        }
        return true;
    }

    private static boolean isStatic(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/") || path.startsWith("/webjars/")
                || path.startsWith("/favicon") || path.startsWith("/actuator/");
    }
}

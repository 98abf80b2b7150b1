package uz.suhbat.adapter.in.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import uz.suhbat.application.port.in.account.DeviceLoginUseCase;
import uz.suhbat.application.port.in.account.SessionCheckQuery;

/**
 * On every request of a signed-in user, asks whether the account may go on, so that blocking,
 * deleting or resetting takes effect at once on every session, and whether the remembered device the session
 * belongs to is still signed in (signing one device out on the profile page ends its live session too). The answer is left in the request
 * attribute {@link #ACCOUNT} for controllers (for example whether the e-mail is verified).
 */
class SessionCheckFilter extends OncePerRequestFilter {

    static final String ACCOUNT = SessionCheckFilter.class.getName() + ".account";
    /** What the check of a request that starts a chat read of its author ({@link CurrentAccount#authorReadAhead}). */
    static final String READ_AHEAD = SessionCheckFilter.class.getName() + ".authorReadAhead";

    private final SessionCheckQuery sessions;
    private final DeviceLoginUseCase devices;
    private final MessageSource messages;
    private final LocaleResolver locales;

    SessionCheckFilter(SessionCheckQuery sessions, DeviceLoginUseCase devices, MessageSource messages, LocaleResolver locales) {
        this.sessions = sessions;
        this.devices = devices;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            chain.doFilter(request, response);
            return;
        }
        SessionCheckQuery.SessionState state;
        if (startsChat(request)) {
            // a new chat reads its author anyway: the same read answers the check, and the chat is not kept waiting for a second
            SessionCheckQuery.Checked checked = sessions.checkStartingChat(user.id(), user.sessionEpoch(), DeviceCookie.boundSeries(request));
            state = checked.state();
            if (checked.ahead() != null) {
                request.setAttribute(READ_AHEAD, checked.ahead());
            }
        } else {
            state = sessions.check(user.id(), user.sessionEpoch(), DeviceCookie.boundSeries(request));
        }
        if (state instanceof SessionCheckQuery.Active active) {
            request.setAttribute(ACCOUNT, active);
            chain.doFilter(request, response);
            return;
        }
        String cookie = DeviceCookie.read(request);
        if (cookie != null) {
            devices.forget(cookie);
            DeviceCookie.clear(request, response);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        String why = state instanceof SessionCheckQuery.Blocked ? "blocked" : "ended";
        if (state instanceof SessionCheckQuery.Blocked blocked) {
            BlockedNotice.remember(request, blocked.reason());
        }
        if (request.getRequestURI().startsWith("/api/")) {
            String message = messages.getMessage("login." + why, null, locales.resolveLocale(request));
            ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "signed_out", message);
            return;
        }
        response.sendRedirect("/login?" + why);
    }

    /** {@code POST /api/chats}: a new chat (ChatApiController). */
    private static boolean startsChat(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/chats".equals(request.getRequestURI());
    }
}

package uz.suhbat.adapter.in.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import uz.suhbat.domain.user.DeviceLogin;

/** The cookie that keeps a device signed in: HttpOnly, SameSite=Lax, Secure over HTTPS, two days. */
public final class DeviceCookie {

    static final String NAME = "suhbat_device";

    private DeviceCookie() {
    }

    public static String read(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String value) {
        response.addCookie(cookie(request, value, DeviceLogin.IDLE_LIMIT));
    }

    /** The session attribute naming the remembered device a session belongs to (its series), so that signing that device out ends it. */
    static final String SESSION_DEVICE = DeviceCookie.class.getName() + ".series";

    /**
     * Ties the request's session to the remembered device of {@code cookieValue} ({@code series:token}): signing that
     * device out (profile page) then ends this live session too, on every node ({@link SessionCheckFilter}).
     */
    static void bindSession(HttpServletRequest request, String cookieValue) {
        int colon = cookieValue == null ? -1 : cookieValue.indexOf(':');
        if (colon > 0) {
            request.getSession().setAttribute(SESSION_DEVICE, cookieValue.substring(0, colon));
        }
    }

    /** The device series the session belongs to; null for a session tied to no device. */
    static String boundSeries(HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        return session == null || !(session.getAttribute(SESSION_DEVICE) instanceof String series) ? null : series;
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", Duration.ZERO));
    }

    private static Cookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) maxAge.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}

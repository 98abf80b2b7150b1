package uz.suhbat.adapter.in.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Duration;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The known-device cookie (OWASP's device cookie against online guessing): set after every correct
 * password, kept for a year and through sign-out, shown at the next sign-in so that the account's
 * lockout does not reach this browser. It opens nothing by itself: a password is still needed.
 * Users and admins have cookies of their own ({@code /admin} path for the admin's).
 */
public final class KnownDeviceCookie {

    public static final String USER = "suhbat_known";
    public static final String ADMIN = "suhbat_admin_known";
    private static final Duration KEPT = Duration.ofDays(365);

    private KnownDeviceCookie() {
    }

    /** What the sign-in form's request brings: the client address and the known-device token. */
    public record LoginDetails(String remoteAddress, String knownDevice) implements Serializable {

        public static LoginDetails of(HttpServletRequest request, String cookieName) {
            return new LoginDetails(request.getRemoteAddr(), read(request, cookieName));
        }
    }

    /** What a successful sign-in hands to the success handler: the browser's new token. */
    public record Issued(String token) implements Serializable {
    }

    public static String read(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** Writes the token a sign-in issued, and drops it from the authentication that the session keeps. */
    public static void writeIssued(Authentication authentication, String name, String path, HttpServletRequest request,
                                   HttpServletResponse response) {
        if (authentication.getDetails() instanceof Issued issued && issued.token() != null) {
            Cookie cookie = new Cookie(name, issued.token());
            cookie.setPath(path);
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setMaxAge((int) KEPT.toSeconds());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        if (authentication instanceof AbstractAuthenticationToken token) {
            token.setDetails(null);
        }
    }
}

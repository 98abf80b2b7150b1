package uz.suhbat.adapter.in.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Why an account is blocked, carried from the request that found out (a session or a remembered device of a
 * blocked account) to the login page it is sent to, so that the page says so with the reason at once.
 * Kept in the new anonymous session (in the database, so any node shows it), never in the address.
 */
final class BlockedNotice {

    static final String REASON = BlockedNotice.class.getName() + ".reason";

    private BlockedNotice() {
    }

    /** After the user's session has ended: a fresh session holds the reason ("" for none). */
    static void remember(HttpServletRequest request, String reason) {
        request.getSession(true).setAttribute(REASON, reason == null ? "" : reason);
    }

    /** The reason, when this browser was just told its account is blocked; null otherwise or when none was given. */
    static String reason(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object reason = session == null ? null : session.getAttribute(REASON);
        return reason instanceof String text && !text.isBlank() ? text : null;
    }
}

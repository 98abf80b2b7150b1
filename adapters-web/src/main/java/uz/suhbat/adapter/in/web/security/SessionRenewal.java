package uz.suhbat.adapter.in.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import uz.suhbat.application.port.in.account.DeviceLoginUseCase;

/**
 * After this browser ended every other session of its account (password change, "sign out other
 * devices"), its own session goes on: a new session id, the account's new session epoch, and, when
 * the device was remembered, a new device cookie.
 */
public final class SessionRenewal {

    private static final HttpSessionSecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    private SessionRenewal() {
    }

    public static void renew(SignedInUser user, int newEpoch, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new SignedInUser(user.id(), user.username(), newEpoch), null, SignInAuthenticationProvider.USER));
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }

    /** Remembers this device again when it was remembered before (its old token was forgotten with the others). */
    public static void rememberAgain(SignedInUser user, DeviceLoginUseCase devices, HttpServletRequest request, HttpServletResponse response) {
        if (DeviceCookie.read(request) != null) {
            String remembered = devices.remember(user.id(), request.getHeader("User-Agent"));
            DeviceCookie.write(request, response, remembered);
            DeviceCookie.bindSession(request, remembered);
        } else if (request.getSession(false) != null) {
            // the device this session came with was forgotten with the others, and none takes its place
            request.getSession(false).removeAttribute(DeviceCookie.SESSION_DEVICE);
        }
    }
}

package uz.suhbat.adapter.in.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import uz.suhbat.application.port.in.account.DeviceLoginUseCase;

/** What happens after the login form: remember the device, or explain the refusal with the right status. */
final class SignInHandlers {

    static final String REFUSAL = SignInHandlers.class.getName() + ".refusal";

    private SignInHandlers() {
    }

    static class Success extends SavedRequestAwareAuthenticationSuccessHandler {

        private final DeviceLoginUseCase devices;

        Success(DeviceLoginUseCase devices) {
            this.devices = devices;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws ServletException, IOException {
            SignedInUser user = (SignedInUser) authentication.getPrincipal();
            String previous = DeviceCookie.read(request);
            if (previous != null) {
                devices.forget(previous);
            }
            String remembered = devices.remember(user.id(), request.getHeader("User-Agent"));
            DeviceCookie.write(request, response, remembered);
            DeviceCookie.bindSession(request, remembered);
            KnownDeviceCookie.writeIssued(authentication, KnownDeviceCookie.USER, "/", request, response);
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    static class Failure implements AuthenticationFailureHandler {

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
                throws IOException, ServletException {
            if (exception instanceof SignInRefusedException refused) {
                request.setAttribute(REFUSAL, refused);
                if (refused.why() == SignInRefusedException.Why.THROTTLED) {
                    response.setStatus(429);
                    response.setHeader("Retry-After", String.valueOf(Math.max(1, refused.retryAfter().toSeconds())));
                } else {
                    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                }
                request.getRequestDispatcher("/login/refused").forward(request, response);
                return;
            }
            response.sendRedirect("/login?error");
        }
    }

    /** For the login page: the refusal of this request, if any. */
    static SignInRefusedException refusal(HttpServletRequest request) {
        return (SignInRefusedException) request.getAttribute(REFUSAL);
    }
}

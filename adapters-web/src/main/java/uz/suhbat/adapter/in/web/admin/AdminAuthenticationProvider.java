package uz.suhbat.adapter.in.web.admin;

import uz.suhbat.adapter.in.web.security.KnownDeviceCookie;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import uz.suhbat.application.port.in.admin.AdminSignInUseCase;

/** The admin login form's check, delegated to the admin sign-in use case. */
class AdminAuthenticationProvider implements AuthenticationProvider {

    static final List<SimpleGrantedAuthority> ADMIN = List.of(new SimpleGrantedAuthority("ROLE_ADMIN"));

    private final AdminSignInUseCase signIn;

    AdminAuthenticationProvider(AdminSignInUseCase signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = "";
        String knownDevice = null;
        if (authentication.getDetails() instanceof KnownDeviceCookie.LoginDetails details) {
            address = details.remoteAddress();
            knownDevice = details.knownDevice();
        } else if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            address = details.getRemoteAddress();
        }
        AdminSignInUseCase.Result result = signIn.signIn(new AdminSignInUseCase.Command(
                String.valueOf(authentication.getPrincipal()), String.valueOf(authentication.getCredentials()), address, knownDevice));
        return switch (result) {
            case AdminSignInUseCase.SignedIn ok -> {
                UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                        new SignedInAdmin(ok.adminId(), ok.username(), ok.main()), null, ADMIN);
                token.setDetails(new KnownDeviceCookie.Issued(ok.knownDevice()));
                yield token;
            }
            case AdminSignInUseCase.WrongCredentials wrong -> throw new BadCredentialsException("wrong credentials");
            case AdminSignInUseCase.Throttled throttled -> throw new Throttled(throttled.retryAfter().toSeconds());
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Too many failed attempts: the form says how long to wait. */
    static final class Throttled extends AuthenticationException {
        private final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super("too many attempts");
            this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}

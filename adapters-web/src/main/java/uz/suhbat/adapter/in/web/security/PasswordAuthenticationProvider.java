package uz.suhbat.adapter.in.web.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import uz.suhbat.application.port.in.account.SignInUseCase;

/** The login form's check, delegated to the sign-in use case. */
class PasswordAuthenticationProvider implements AuthenticationProvider {

    static final List<SimpleGrantedAuthority> USER = List.of(new SimpleGrantedAuthority("ROLE_USER"));

    private final SignInUseCase signIn;

    PasswordAuthenticationProvider(SignInUseCase signIn) {
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
        SignInUseCase.Result result = signIn.signIn(new SignInUseCase.Command(
                String.valueOf(authentication.getPrincipal()), String.valueOf(authentication.getCredentials()), address, knownDevice));
        return switch (result) {
            case SignInUseCase.SignedIn ok -> {
                UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                        new SignedInUser(ok.userId(), ok.username(), ok.sessionEpoch()), null, USER);
                token.setDetails(new KnownDeviceCookie.Issued(ok.knownDevice()));
                yield token;
            }
            case SignInUseCase.WrongCredentials wrong -> throw new BadCredentialsException("wrong credentials");
            case SignInUseCase.Blocked blocked -> throw new SignInRefusedException(SignInRefusedException.Why.BLOCKED, blocked.reason(), null);
            case SignInUseCase.Throttled throttled -> throw new SignInRefusedException(SignInRefusedException.Why.THROTTLED, null, throttled.retryAfter());
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

package uz.suhbat.adapter.in.web.security;

import java.util.List;
import java.util.function.Function;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import uz.suhbat.application.port.in.account.PasswordSignInUseCase;

/**
 * A login form's check, delegated to a password sign-in use case: the one provider of both filter chains
 * (users with {@code ROLE_USER}, admins with {@code ROLE_ADMIN}). A blocked account or too many tries
 * end in a {@link SignInRefusedException}, a wrong password in a {@link BadCredentialsException}.
 */
public final class SignInAuthenticationProvider<A> implements AuthenticationProvider {

    /** What a user session may do (also given by a remembered device and a renewed session). */
    static final List<SimpleGrantedAuthority> USER = List.of(new SimpleGrantedAuthority("ROLE_USER"));

    private final PasswordSignInUseCase<A> signIn;
    private final Function<A, Object> principal;
    private final List<SimpleGrantedAuthority> authorities;

    /** {@code principal}: what the session keeps of the signed-in account; {@code role}: e.g. "USER". */
    public SignInAuthenticationProvider(PasswordSignInUseCase<A> signIn, Function<A, Object> principal, String role) {
        this.signIn = signIn;
        this.principal = principal;
        this.authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role));
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
        PasswordSignInUseCase.Result<A> result = signIn.signIn(new PasswordSignInUseCase.Credentials(
                String.valueOf(authentication.getPrincipal()), String.valueOf(authentication.getCredentials()), address, knownDevice));
        return switch (result) {
            case PasswordSignInUseCase.SignedIn<A> ok -> {
                UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                        principal.apply(ok.account()), null, authorities);
                token.setDetails(new KnownDeviceCookie.Issued(ok.knownDevice()));
                yield token;
            }
            case PasswordSignInUseCase.WrongCredentials<A> wrong -> throw new BadCredentialsException("wrong credentials");
            case PasswordSignInUseCase.Blocked<A> blocked ->
                    throw new SignInRefusedException(SignInRefusedException.Why.BLOCKED, blocked.reason(), null);
            case PasswordSignInUseCase.Throttled<A> throttled ->
                    throw new SignInRefusedException(SignInRefusedException.Why.THROTTLED, null, throttled.retryAfter());
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

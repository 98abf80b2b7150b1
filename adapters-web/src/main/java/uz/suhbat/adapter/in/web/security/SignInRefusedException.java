package uz.suhbat.adapter.in.web.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused for a reason other than a wrong password: a blocked account or too many tries. */
public final class SignInRefusedException extends AuthenticationException {

    public enum Why { BLOCKED, THROTTLED }

    private final Why why;
    private final String blockedReason;
    private final Duration retryAfter;

    SignInRefusedException(Why why, String blockedReason, Duration retryAfter) {
        super(why.name());
        this.why = why;
        this.blockedReason = blockedReason;
        this.retryAfter = retryAfter;
    }

    public Why why() {
        return why;
    }

    public String blockedReason() {
        return blockedReason;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

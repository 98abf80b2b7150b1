package uz.suhbat.application.service.account;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import uz.suhbat.application.port.out.account.AccountMailPort;
import uz.suhbat.application.port.out.account.OneTimeTokenRepository;
import uz.suhbat.application.port.out.security.ThrottleRepository;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Language;
import uz.suhbat.domain.user.OneTimeToken;
import uz.suhbat.domain.user.TokenPurpose;
import uz.suhbat.domain.user.User;

/**
 * What registration, password reset and the profile share about account mail: the mail port, the links' base
 * address, the throttles per address and per requester, and the queue that sends off the request's thread.
 */
public final class AccountMail {

    private static final System.Logger log = System.getLogger(AccountMail.class.getName());

    final AccountMailPort port;
    final String baseUrl;
    final Throttle perAddress;
    final Throttle perRequester;
    private final OneTimeTokenRepository tokens;
    private final Clock clock;
    private final Executor queue;

    /** Account mail is sent in the calling thread: for tests that read the mail right after the call. */
    public AccountMail(AccountMailPort port, OneTimeTokenRepository tokens, ThrottleRepository throttles, Clock clock, String baseUrl) {
        this(port, tokens, throttles, clock, baseUrl, Runnable::run);
    }

    /**
     * @param queue runs the work behind each account mail (finding the account, writing its token, sending) off the
     *              request's thread, so that registration and a reset request answer at once and in the same time
     *              whether or not the address has an account
     */
    public AccountMail(AccountMailPort port, OneTimeTokenRepository tokens, ThrottleRepository throttles, Clock clock, String baseUrl,
                       Executor queue) {
        this.port = port;
        this.tokens = tokens;
        this.clock = clock;
        this.queue = queue;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.perAddress = new Throttle(throttles, "mail", 3, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15), clock);
        this.perRequester = new Throttle(throttles, "mail-requester", 10, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15), clock);
    }

    /** A new verification link for {@code address}, replacing the user's earlier ones. */
    void sendVerification(User user, EmailAddress address) {
        deliver("verification", () -> {
            tokens.deleteAll(user.id(), TokenPurpose.EMAIL_VERIFICATION);
            String token = SecretTokens.newToken();
            tokens.save(new OneTimeToken(SecretTokens.hash(token), user.id(), TokenPurpose.EMAIL_VERIFICATION, address,
                    clock.instant().plus(TokenPurpose.EMAIL_VERIFICATION.validity())));
            port.sendVerification(address, user.username(), baseUrl + "/verify?token=" + token,
                    Language.orDefault(user.language()).tag());
        });
    }

    /**
     * Runs {@code send} on the mail queue. A failure there is logged and changes nothing else: the account change stands
     * and the person can ask for the mail again. The log names the kind of mail and the failure's type only: the
     * message of a mail failure may hold the address, and the work around it a secret link.
     */
    void deliver(String kind, Runnable send) {
        Runnable logged = () -> {
            try {
                send.run();
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "Could not send the " + kind + " mail: " + e.getClass().getName());
            }
        };
        try {
            queue.execute(logged);
        } catch (RejectedExecutionException full) {
            log.log(Level.WARNING, "Could not send the " + kind + " mail: the mail queue is full or stopped");
        }
    }
}

package uz.suhbat.application.service.account;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import uz.suhbat.application.port.in.account.RegisterUseCase;
import uz.suhbat.application.port.in.account.VerifyEmailUseCase;
import uz.suhbat.application.port.out.account.OneTimeTokenRepository;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.shared.Problem;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Language;
import uz.suhbat.domain.user.OneTimeToken;
import uz.suhbat.domain.user.PasswordPolicy;
import uz.suhbat.domain.user.TokenPurpose;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/**
 * Registration and e-mail verification. A taken address answers like a new one ("check your inbox"), and its
 * owner is told of the attempt instead, so registration does not tell who has an account.
 */
public final class RegistrationService implements RegisterUseCase, VerifyEmailUseCase {

    private final UserRepository users;
    private final OneTimeTokenRepository tokens;
    private final PasswordHashingPort hashing;
    private final AccountMail mail;
    private final Clock clock;

    public RegistrationService(UserRepository users, OneTimeTokenRepository tokens, PasswordHashingPort hashing, AccountMail mail, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.hashing = hashing;
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public Result register(RegisterUseCase.Command command) {
        Map<String, Problem> errors = new LinkedHashMap<>();
        Username username = InvalidValueException.collect(errors, () -> new Username(command.username()));
        EmailAddress email = InvalidValueException.collect(errors, () -> new EmailAddress(command.email()));
        InvalidValueException.collect(errors, () -> {
            PasswordPolicy.check(command.password(), command.username(), command.email());
            return Boolean.TRUE;
        });
        if (username != null && users.findByUsername(username).isPresent()) {
            errors.put("username", Problem.USERNAME_TAKEN);
        }
        if (!errors.isEmpty()) {
            return new RegisterUseCase.Rejected(errors);
        }
        // hashed in both cases below: the hash is most of a registration's time, so a taken address answers as slowly
        String hash = hashing.hash(command.password());
        if (users.emailInUse(email, null)) {
            tellOwnerOfAttempt(email, command.language());
            return new CheckInbox();
        }
        User user;
        try {
            user = users.save(User.register(username, email, hash, clock.instant(), command.language()));
        } catch (UserRepository.DuplicateException raced) {
            if ("email".equals(raced.field())) {
                // registered a moment ago by a concurrent request: the same as a taken address
                tellOwnerOfAttempt(email, command.language());
                return new CheckInbox();
            }
            return new RegisterUseCase.Rejected(Map.of(raced.field(), taken(raced.field())));
        }
        mail.sendVerification(user, email);
        return new CheckInbox();
    }

    private void tellOwnerOfAttempt(EmailAddress email, String language) {
        mail.deliver("registration attempt", () -> {
            Optional<User> owner = users.findByEmail(email);
            mail.port.sendRegistrationAttempt(email, owner.map(User::username).orElse(null), mail.baseUrl + "/forgot-password",
                    owner.flatMap(o -> Language.of(o.language())).orElse(Language.orDefault(language)).tag());
        });
    }

    @Override
    public boolean verify(String token) {
        if (!SecretTokens.plausible(token)) {
            return false;
        }
        Optional<OneTimeToken> stored = tokens.take(SecretTokens.hash(token), TokenPurpose.EMAIL_VERIFICATION);
        if (stored.isEmpty() || !stored.get().validAt(clock.instant())) {
            return false;
        }
        Optional<User> user = users.findById(stored.get().userId());
        if (user.isEmpty()) {
            return false;
        }
        EmailAddress address = stored.get().email();
        if (!address.equals(user.get().email()) && !address.equals(user.get().pendingEmail())) {
            return false;
        }
        try {
            users.save(user.get().verify(address));
        } catch (UserRepository.DuplicateException takenMeanwhile) {
            return false;
        }
        return true;
    }

    @Override
    public Resend resendVerification(long userId) {
        User user = users.findById(userId).orElseThrow();
        EmailAddress target = user.pendingEmail() != null ? user.pendingEmail() : user.email();
        if (user.emailVerified() && user.pendingEmail() == null) {
            return Resend.ALREADY_VERIFIED;
        }
        if (!mail.perAddress.waitFor("verify:" + userId).isZero()) {
            return Resend.THROTTLED;
        }
        mail.perAddress.record("verify:" + userId);
        mail.sendVerification(user, target);
        return Resend.SENT;
    }

    /** The problem of a username or an e-mail address that another account holds. */
    static Problem taken(String field) {
        return "email".equals(field) ? Problem.EMAIL_TAKEN : Problem.USERNAME_TAKEN;
    }
}

package uz.suhbat.application.service.account;

import java.lang.System.Logger.Level;
import uz.suhbat.domain.shared.Problem;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import uz.suhbat.application.port.in.account.PasswordResetUseCase;
import uz.suhbat.application.port.in.account.ProfileUseCase;
import uz.suhbat.application.port.in.account.RegisterUseCase;
import uz.suhbat.application.port.in.account.SessionCheckQuery;
import uz.suhbat.application.port.in.account.VerifyEmailUseCase;
import uz.suhbat.application.port.out.account.AccountMailPort;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.application.port.out.account.OneTimeTokenRepository;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.application.port.out.security.ThrottleRepository;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Language;
import uz.suhbat.domain.user.OneTimeToken;
import uz.suhbat.domain.user.PasswordPolicy;
import uz.suhbat.domain.user.TokenPurpose;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/** Registration, e-mail verification, password reset, the profile, and the per-request session check. */
public final class AccountService implements RegisterUseCase, VerifyEmailUseCase, PasswordResetUseCase, ProfileUseCase, SessionCheckQuery {

    private static final System.Logger log = System.getLogger(AccountService.class.getName());

    private final UserRepository users;
    private final OneTimeTokenRepository tokens;
    private final DeviceLoginRepository devices;
    private final AccountMailPort mail;
    private final PasswordHashingPort hashing;
    private final Clock clock;
    private final String baseUrl;
    private final Throttle mailPerAddress;
    private final Throttle mailPerRequester;
    private final Executor mailQueue;

    /** Account mail is sent in the calling thread: for tests that read the mail right after the call. */
    public AccountService(UserRepository users, OneTimeTokenRepository tokens, DeviceLoginRepository devices, AccountMailPort mail,
                          PasswordHashingPort hashing, ThrottleRepository throttles, Clock clock, String baseUrl) {
        this(users, tokens, devices, mail, hashing, throttles, clock, baseUrl, Runnable::run);
    }

    /**
     * @param mailQueue runs the work behind each account mail (finding the account, writing its token, sending) off the
     *                  request's thread, so that registration and a reset request answer at once and in the same time
     *                  whether or not the address has an account
     */
    public AccountService(UserRepository users, OneTimeTokenRepository tokens, DeviceLoginRepository devices, AccountMailPort mail,
                          PasswordHashingPort hashing, ThrottleRepository throttles, Clock clock, String baseUrl, Executor mailQueue) {
        this.mailQueue = mailQueue;
        this.users = users;
        this.tokens = tokens;
        this.devices = devices;
        this.mail = mail;
        this.hashing = hashing;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.mailPerAddress = new Throttle(throttles, "mail", 3, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15), clock);
        this.mailPerRequester = new Throttle(throttles, "mail-requester", 10, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15), clock);
    }

    // ---- registration and verification

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
        sendVerification(user, email);
        return new CheckInbox();
    }

    private void tellOwnerOfAttempt(EmailAddress email, String language) {
        deliver("registration attempt", () -> {
            Optional<User> owner = users.findByEmail(email);
            mail.sendRegistrationAttempt(email, owner.map(User::username).orElse(null), baseUrl + "/forgot-password",
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
        if (!mailPerAddress.waitFor("verify:" + userId).isZero()) {
            return Resend.THROTTLED;
        }
        mailPerAddress.record("verify:" + userId);
        sendVerification(user, target);
        return Resend.SENT;
    }

    private void sendVerification(User user, EmailAddress address) {
        deliver("verification", () -> {
            tokens.deleteAll(user.id(), TokenPurpose.EMAIL_VERIFICATION);
            String token = SecretTokens.newToken();
            tokens.save(new OneTimeToken(SecretTokens.hash(token), user.id(), TokenPurpose.EMAIL_VERIFICATION, address,
                    clock.instant().plus(TokenPurpose.EMAIL_VERIFICATION.validity())));
            mail.sendVerification(address, user.username(), baseUrl + "/verify?token=" + token,
                    Language.orDefault(user.language()).tag());
        });
    }

    // ---- password reset

    @Override
    public Request requestReset(String email, String remoteAddress, String language) {
        String key = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (!mailPerRequester.waitFor("reset-ip:" + remoteAddress).isZero() || !mailPerAddress.waitFor("reset:" + key).isZero()) {
            return Request.THROTTLED;
        }
        mailPerRequester.record("reset-ip:" + remoteAddress);
        mailPerAddress.record("reset:" + key);
        EmailAddress address;
        try {
            address = new EmailAddress(email);
        } catch (InvalidValueException malformed) {
            return Request.ACCEPTED;
        }
        // the account is looked up after the answer, off this thread: a known address answers as fast as an unknown one
        deliver("password reset", () -> users.findByEmail(address).ifPresent(user -> {
            tokens.deleteAll(user.id(), TokenPurpose.PASSWORD_RESET);
            String token = SecretTokens.newToken();
            tokens.save(new OneTimeToken(SecretTokens.hash(token), user.id(), TokenPurpose.PASSWORD_RESET, user.email(),
                    clock.instant().plus(TokenPurpose.PASSWORD_RESET.validity())));
            String lang = Language.of(user.language()).orElse(Language.orDefault(language)).tag();
            mail.sendPasswordReset(user.email(), user.username(), baseUrl + "/reset-password?token=" + token, lang);
        }));
        return Request.ACCEPTED;
    }

    @Override
    public boolean tokenValid(String token) {
        return validResetToken(token).isPresent();
    }

    private Optional<OneTimeToken> validResetToken(String token) {
        if (!SecretTokens.plausible(token)) {
            return Optional.empty();
        }
        return tokens.find(SecretTokens.hash(token), TokenPurpose.PASSWORD_RESET).filter(t -> t.validAt(clock.instant()));
    }

    @Override
    public Reset reset(String token, String newPassword) {
        Optional<OneTimeToken> valid = validResetToken(token);
        if (valid.isEmpty()) {
            return new InvalidToken();
        }
        String hash = valid.get().tokenHash();
        User user = users.findById(valid.get().userId()).orElse(null);
        if (user == null) {
            return new InvalidToken();
        }
        try {
            PasswordPolicy.check(newPassword, user.username().value(), user.email().value());
        } catch (InvalidValueException weak) {
            return new PasswordResetUseCase.Rejected(Map.of(weak.field(), weak.problem()));
        }
        if (tokens.take(hash, TokenPurpose.PASSWORD_RESET).isEmpty()) {
            return new InvalidToken(); // used by a concurrent request
        }
        // whoever asked for the link owns the mailbox, so the address counts as verified too
        users.save(user.withPasswordHash(hashing.hash(newPassword)).verify(user.email()).endAllSessions());
        devices.deleteAllOfUser(user.id());
        return new Done();
    }

    // ---- profile

    @Override
    public Profile profile(long userId) {
        User user = users.findById(userId).orElseThrow();
        return new Profile(user.id(), user.username().value(), user.email().value(),
                user.pendingEmail() == null ? null : user.pendingEmail().value(), user.emailVerified(), user.registeredAt());
    }

    @Override
    public Map<String, Problem> edit(long userId, String newUsername, String newEmail) {
        User user = users.findById(userId).orElseThrow();
        Map<String, Problem> errors = new LinkedHashMap<>();
        Username username = InvalidValueException.collect(errors, () -> new Username(newUsername));
        EmailAddress email = InvalidValueException.collect(errors, () -> new EmailAddress(newEmail));
        if (username != null && users.findByUsername(username).filter(other -> !other.id().equals(userId)).isPresent()) {
            errors.put("username", Problem.USERNAME_TAKEN);
        }
        if (email != null && !email.equals(user.email()) && users.emailInUse(email, userId)) {
            errors.put("email", Problem.EMAIL_TAKEN);
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        boolean newAddress = !email.equals(user.email()) && !email.equals(user.pendingEmail());
        User changed = user.rename(username).requestEmail(email);
        try {
            users.save(changed);
        } catch (UserRepository.DuplicateException raced) {
            return Map.of(raced.field(), taken(raced.field()));
        }
        if (newAddress) {
            sendVerification(changed, email);
        }
        return Map.of();
    }

    @Override
    public Map<String, Problem> changePassword(long userId, String currentPassword, String newPassword) {
        User user = users.findById(userId).orElseThrow();
        if (currentPassword == null || !hashing.matches(currentPassword, user.passwordHash())) {
            return Map.of("currentPassword", Problem.PASSWORD_WRONG);
        }
        try {
            PasswordPolicy.check(newPassword, user.username().value(), user.email().value());
        } catch (InvalidValueException weak) {
            return Map.of("newPassword", weak.problem());
        }
        users.save(user.withPasswordHash(hashing.hash(newPassword)));
        // whoever else holds a session or a device cookie of this account must sign in again
        devices.deleteAllOfUser(userId);
        users.endAllSessions(userId);
        return Map.of();
    }

    @Override
    public boolean chooseLanguage(long userId, String language) {
        return Language.of(language).map(chosen -> users.saveLanguage(userId, chosen.tag())).orElse(false);
    }

    @Override
    public boolean delete(long userId, String password) {
        User user = users.findById(userId).orElse(null);
        if (user == null || password == null || !hashing.matches(password, user.passwordHash())) {
            return false;
        }
        users.delete(userId);
        return true;
    }

    // ---- session check

    @Override
    public SessionState check(long userId, int sessionEpoch) {
        Optional<User> found = users.findById(userId);
        if (found.isEmpty()) {
            return new Ended();
        }
        User user = found.get();
        if (user.blocked()) {
            return new Blocked(user.blockedReason());
        }
        if (user.sessionEpoch() != sessionEpoch) {
            return new Ended();
        }
        return new Active(user.username().value(), user.mayChat(), user.emailVerified(),
                Language.of(user.language()).map(Language::tag).orElse(null));
    }

    @Override
    public SessionState check(long userId, int sessionEpoch, String deviceSeries) {
        SessionState state = check(userId, sessionEpoch);
        if (state instanceof Active && deviceSeries != null
                && devices.findBySeries(deviceSeries).filter(device -> device.userId() == userId).isEmpty()) {
            return new Ended(); // the device this session belongs to was signed out
        }
        return state;
    }

    @Override
    public int currentEpoch(long userId) {
        return users.findById(userId).map(User::sessionEpoch).orElse(-1);
    }

    // ----


    /**
     * Runs {@code send} on the mail queue. A failure there is logged and changes nothing else: the account change stands
     * and the person can ask for the mail again. The log names the kind of mail and the failure's type only: the
     * message of a mail failure may hold the address, and the work around it a secret link.
     */
    private void deliver(String kind, Runnable send) {
        Runnable logged = () -> {
            try {
                send.run();
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "Could not send the " + kind + " mail: " + e.getClass().getName());
            }
        };
        try {
            mailQueue.execute(logged);
        } catch (java.util.concurrent.RejectedExecutionException full) {
            log.log(Level.WARNING, "Could not send the " + kind + " mail: the mail queue is full or stopped");
        }
    }

    /** The problem of a username or an e-mail address that another account holds. */
    private static Problem taken(String field) {
        return "email".equals(field) ? Problem.EMAIL_TAKEN : Problem.USERNAME_TAKEN;
    }
}

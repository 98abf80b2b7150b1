package uz.suhbat.application.service.account;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import uz.suhbat.application.port.in.account.PasswordResetUseCase;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.application.port.out.account.OneTimeTokenRepository;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Language;
import uz.suhbat.domain.user.OneTimeToken;
import uz.suhbat.domain.user.PasswordPolicy;
import uz.suhbat.domain.user.TokenPurpose;
import uz.suhbat.domain.user.User;

/**
 * "Forgot password": a link by mail (throttled per address and per requester; the same answer whether or not
 * the address has an account), then a new password that ends every session and device of the account.
 */
public final class PasswordResetService implements PasswordResetUseCase {

    private final UserRepository users;
    private final OneTimeTokenRepository tokens;
    private final DeviceLoginRepository devices;
    private final PasswordHashingPort hashing;
    private final AccountMail mail;
    private final Clock clock;

    public PasswordResetService(UserRepository users, OneTimeTokenRepository tokens, DeviceLoginRepository devices, PasswordHashingPort hashing,
                                AccountMail mail, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.devices = devices;
        this.hashing = hashing;
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public Request requestReset(String email, String remoteAddress, String language) {
        String key = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (!mail.perRequester.waitFor("reset-ip:" + remoteAddress).isZero() || !mail.perAddress.waitFor("reset:" + key).isZero()) {
            return Request.THROTTLED;
        }
        mail.perRequester.record("reset-ip:" + remoteAddress);
        mail.perAddress.record("reset:" + key);
        EmailAddress address;
        try {
            address = new EmailAddress(email);
        } catch (InvalidValueException malformed) {
            return Request.ACCEPTED;
        }
        // the account is looked up after the answer, off this thread: a known address answers as fast as an unknown one
        mail.deliver("password reset", () -> users.findByEmail(address).ifPresent(user -> {
            tokens.deleteAll(user.id(), TokenPurpose.PASSWORD_RESET);
            String token = SecretTokens.newToken();
            tokens.save(new OneTimeToken(SecretTokens.hash(token), user.id(), TokenPurpose.PASSWORD_RESET, user.email(),
                    clock.instant().plus(TokenPurpose.PASSWORD_RESET.validity())));
            String lang = Language.of(user.language()).orElse(Language.orDefault(language)).tag();
            mail.port.sendPasswordReset(user.email(), user.username(), mail.baseUrl + "/reset-password?token=" + token, lang);
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
}

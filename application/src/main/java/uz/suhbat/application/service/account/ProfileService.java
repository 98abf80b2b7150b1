package uz.suhbat.application.service.account;

import java.util.LinkedHashMap;
import java.util.Map;
import uz.suhbat.application.port.in.account.ProfileUseCase;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.shared.Problem;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Language;
import uz.suhbat.domain.user.PasswordPolicy;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/** The user's own profile: name and address (a new address is verified first), password, language, deleting the account. */
public final class ProfileService implements ProfileUseCase {

    private final UserRepository users;
    private final DeviceLoginRepository devices;
    private final PasswordHashingPort hashing;
    private final AccountMail mail;

    public ProfileService(UserRepository users, DeviceLoginRepository devices, PasswordHashingPort hashing, AccountMail mail) {
        this.users = users;
        this.devices = devices;
        this.hashing = hashing;
        this.mail = mail;
    }

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
            return Map.of(raced.field(), RegistrationService.taken(raced.field()));
        }
        if (newAddress) {
            mail.sendVerification(changed, email);
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
}

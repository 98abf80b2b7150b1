package uz.suhbat.application.service.account;

import java.util.Optional;
import uz.suhbat.application.port.in.account.SignInUseCase;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/**
 * User sign-in by username or e-mail address, through the {@link ThrottledPasswordCheck}: a few failures
 * are free, then each try must wait longer (capped at 5 minutes per account). A blocked user with the
 * right password is told why.
 */
public final class SignInService implements SignInUseCase {

    private final UserRepository users;
    private final ThrottledPasswordCheck passwords;

    /** {@code passwords}: {@link ThrottledPasswordCheck#forUsers}. */
    public SignInService(UserRepository users, ThrottledPasswordCheck passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public Result<SignedInUser> signIn(Credentials credentials) {
        Optional<User> found = find(credentials.name());
        return passwords.check(credentials, found.map(u -> new ThrottledPasswordCheck.Account(u.id(), u.passwordHash())), account -> {
            User user = found.get();
            if (!user.maySignIn()) {
                return new Blocked<>(user.blockedReason());
            }
            return new SignedIn<>(new SignedInUser(user.id(), user.username().value(), user.sessionEpoch()),
                    passwords.issueKnownDevice(user.id()));
        });
    }

    private Optional<User> find(String identifier) {
        try {
            if (identifier.contains("@")) {
                return users.findByEmail(new EmailAddress(identifier));
            }
            return users.findByUsername(new Username(identifier));
        } catch (InvalidValueException malformed) {
            return Optional.empty();
        }
    }
}

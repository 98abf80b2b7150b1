package uz.suhbat.application.service.admin;

import java.util.Optional;
import uz.suhbat.application.port.in.admin.AdminSignInUseCase;
import uz.suhbat.application.port.out.admin.AdminRepository;
import uz.suhbat.application.service.account.ThrottledPasswordCheck;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.Username;

/**
 * Admin password sign-in, through the same {@link ThrottledPasswordCheck} as user sign-in, but stricter:
 * fewer free attempts and longer waits, because an admin account opens every user's chats.
 */
public final class AdminSignInService implements AdminSignInUseCase {

    private final AdminRepository admins;
    private final ThrottledPasswordCheck passwords;

    /** {@code passwords}: {@link ThrottledPasswordCheck#forAdmins}. */
    public AdminSignInService(AdminRepository admins, ThrottledPasswordCheck passwords) {
        this.admins = admins;
        this.passwords = passwords;
    }

    @Override
    public Optional<Active> active(long adminId) {
        return admins.preferences(adminId)
                .map(p -> new Active(uz.suhbat.domain.user.Language.of(p.language()).map(uz.suhbat.domain.user.Language::tag).orElse(null)));
    }

    @Override
    public boolean chooseLanguage(long adminId, String language) {
        return uz.suhbat.domain.user.Language.of(language).map(chosen -> admins.saveLanguage(adminId, chosen.tag())).orElse(false);
    }

    @Override
    public Result<SignedInAdmin> signIn(Credentials credentials) {
        Optional<Admin> found = find(credentials.name());
        return passwords.check(credentials, found.map(a -> new ThrottledPasswordCheck.Account(a.id(), a.passwordHash())),
                account -> new SignedIn<>(new SignedInAdmin(account.id(), found.get().username().value(), found.get().main()),
                        passwords.issueKnownDevice(account.id())));
    }

    private Optional<Admin> find(String username) {
        try {
            return admins.findByUsername(new Username(username));
        } catch (InvalidValueException malformed) {
            return Optional.empty();
        }
    }
}

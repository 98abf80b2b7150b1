package uz.suhbat.application.port.in.admin;

import uz.suhbat.application.port.in.account.PasswordSignInUseCase;

/** Admin sign-in at /admin/login, throttled like user sign-in; and whether a signed-in admin still exists. */
public interface AdminSignInUseCase extends PasswordSignInUseCase<AdminSignInUseCase.SignedInAdmin> {

    /** Asked on every admin request, so that a removed admin is shut out at once. */
    default boolean stillAdmin(long adminId) {
        return active(adminId).isPresent();
    }

    /**
     * Asked on every admin request: empty once the admin has been removed (their session ends); otherwise what
     * the request needs of them, in one look-up.
     */
    java.util.Optional<Active> active(long adminId);

    /** The admin picked a language with the switch; kept for their other devices. An unknown tag changes nothing (false). */
    boolean chooseLanguage(long adminId, String language);

    /** {@code language}: the tag of the language the admin picked, or null when they never did (the browser decides). */
    record Active(String language) {
    }

    /** The admin a successful sign-in opens an admin session for. */
    record SignedInAdmin(long adminId, String username, boolean main) {
    }
}

package uz.suhbat.application.port.in.account;

/** Checks a username-or-e-mail and password, slowing down repeated failures. */
public interface SignInUseCase extends PasswordSignInUseCase<SignInUseCase.SignedInUser> {

    /** The user a successful sign-in opens a session for. */
    record SignedInUser(long userId, String username, int sessionEpoch) {
    }
}

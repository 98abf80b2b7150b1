package uz.suhbat.application.port.in.account;

/** Confirms an e-mail address through the link that was mailed to it. */
public interface VerifyEmailUseCase {

    /** True when the token was valid; it cannot be used again. */
    boolean verify(String token);

    Resend resendVerification(long userId);

    enum Resend { SENT, ALREADY_VERIFIED, THROTTLED }
}

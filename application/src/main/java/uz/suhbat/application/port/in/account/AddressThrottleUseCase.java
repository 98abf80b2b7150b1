package uz.suhbat.application.port.in.account;

import java.time.Duration;

/**
 * Per client address limits on what sends mail or creates accounts, counted by every node together:
 * registration and "send the verification mail again". (Sign-in and the reset mail are limited
 * inside their own use cases.)
 */
public interface AddressThrottleUseCase {

    enum Action { REGISTER, VERIFICATION_MAIL }

    /** Zero when {@code remoteAddress} may do {@code action} now (the attempt is counted), otherwise how long it must wait. */
    Duration attempt(Action action, String remoteAddress);
}

package uz.suhbat.application.service.account;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import uz.suhbat.application.port.in.account.AddressThrottleUseCase;
import uz.suhbat.application.port.out.security.ThrottleRepository;

/**
 * Registration: {@code registrationsPerHour} an hour from one address are free (REGISTRATIONS_PER_ADDRESS:
 * a class registering together behind one school address needs more than a home), then one a minute,
 * slowing to one every 15 minutes. Verification mail sent again: 10 an hour, then the same.
 */
public final class AddressThrottleService implements AddressThrottleUseCase {

    private final Map<Action, Throttle> throttles = new EnumMap<>(Action.class);

    public AddressThrottleService(ThrottleRepository store, Clock clock, int registrationsPerHour) {
        throttles.put(Action.REGISTER, new Throttle(store, "register-address", registrationsPerHour, Duration.ofHours(1), Duration.ofMinutes(1),
                Duration.ofMinutes(15), clock));
        throttles.put(Action.VERIFICATION_MAIL, new Throttle(store, "verification-mail-address", 10, Duration.ofHours(1),
                Duration.ofMinutes(1), Duration.ofMinutes(15), clock));
    }

    @Override
    public Duration attempt(Action action, String remoteAddress) {
        return throttles.get(action).acquire(remoteAddress == null ? "" : remoteAddress);
    }
}

package uz.suhbat.application.service.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uz.suhbat.application.port.in.account.DeviceLoginUseCase;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.domain.user.DeviceLogin;
import uz.suhbat.domain.user.User;

/**
 * Devices that stay signed in, as persistent tokens: the cookie holds a series (which device)
 * and a token (a secret replaced on every return). A token that does not match its series means
 * a copy of the cookie was used: every device of that user is signed out.
 */
public final class DeviceLoginService implements DeviceLoginUseCase {

    // a signed-in visit renews the two days at most this often, to spare the database
    private static final Duration VISIT_RESOLUTION = Duration.ofMinutes(1);

    private final DeviceLoginRepository devices;
    private final UserRepository users;
    private final Clock clock;

    public DeviceLoginService(DeviceLoginRepository devices, UserRepository users, Clock clock) {
        this.devices = devices;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String remember(long userId, String userAgent) {
        String series = SecretTokens.newToken();
        String token = SecretTokens.newToken();
        devices.save(DeviceLogin.start(series, userId, SecretTokens.hash(token), clock.instant(), shorten(userAgent)));
        return series + ":" + token;
    }

    @Override
    public Resumed resume(String cookieValue, String userAgent) {
        Optional<String[]> parts = parse(cookieValue);
        if (parts.isEmpty()) {
            return new Invalid();
        }
        Optional<DeviceLogin> found = devices.findBySeries(parts.get()[0]);
        if (found.isEmpty()) {
            return new Invalid();
        }
        DeviceLogin device = found.get();
        Instant now = clock.instant();
        if (device.expiredAt(now)) {
            devices.deleteBySeries(device.series());
            return new Invalid();
        }
        DeviceLogin.Match match = device.match(SecretTokens.hash(parts.get()[1]), now);
        if (match == DeviceLogin.Match.STOLEN) {
            devices.deleteAllOfUser(device.userId());
            return new Invalid();
        }
        Optional<User> user = users.findById(device.userId());
        if (user.isEmpty() || !user.get().maySignIn()) {
            devices.deleteBySeries(device.series());
            return user.isPresent() && user.get().blocked() ? new Blocked(user.get().blockedReason()) : new Invalid();
        }
        if (match == DeviceLogin.Match.JUST_REPLACED) {
            return new Valid(user.get().id(), user.get().username().value(), user.get().sessionEpoch(), null);
        }
        String token = SecretTokens.newToken();
        if (!devices.rotate(device.id(), device.tokenHash(), SecretTokens.hash(token), now)) {
            // a parallel request (two tabs, a page and its API calls, two nodes) rotated first: this one
            // goes on without a new cookie and the browser keeps the winner's; the token it showed is the
            // previous one now, valid for the grace
            return new Valid(user.get().id(), user.get().username().value(), user.get().sessionEpoch(), null);
        }
        return new Valid(user.get().id(), user.get().username().value(), user.get().sessionEpoch(), device.series() + ":" + token);
    }

    @Override
    public void visited(String cookieValue) {
        parse(cookieValue).flatMap(parts -> devices.findBySeries(parts[0])).ifPresent(device -> {
            Instant now = clock.instant();
            if (!device.expiredAt(now) && device.lastUsedAt().plus(VISIT_RESOLUTION).isBefore(now)) {
                devices.visited(device.id(), now);
            }
        });
    }

    @Override
    public void forget(String cookieValue) {
        parse(cookieValue).ifPresent(parts -> devices.deleteBySeries(parts[0]));
    }

    @Override
    public List<Device> devices(long userId, String currentCookieValue) {
        String current = parse(currentCookieValue).map(parts -> parts[0]).orElse("");
        Instant now = clock.instant();
        return devices.findByUser(userId).stream()
                .filter(d -> !d.expiredAt(now))
                .map(d -> new Device(d.id(), d.userAgent(), d.createdAt(), d.lastUsedAt(), d.series().equals(current)))
                .toList();
    }

    @Override
    public void signOut(long userId, long deviceId) {
        devices.delete(userId, deviceId);
    }

    @Override
    public int signOutOthers(long userId, String currentCookieValue) {
        String current = parse(currentCookieValue).map(parts -> parts[0]).orElse("");
        for (DeviceLogin device : devices.findByUser(userId)) {
            if (!device.series().equals(current)) {
                devices.delete(userId, device.id());
            }
        }
        // live sessions of other browsers end too, not only their devices' cookies
        return users.endAllSessions(userId);
    }

    private static Optional<String[]> parse(String cookieValue) {
        if (cookieValue == null) {
            return Optional.empty();
        }
        String[] parts = cookieValue.split(":", -1);
        if (parts.length != 2 || !SecretTokens.plausible(parts[0]) || !SecretTokens.plausible(parts[1])) {
            return Optional.empty();
        }
        return Optional.of(parts);
    }

    private static String shorten(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        return uz.suhbat.domain.shared.ShortText.cut(userAgent, 255);
    }
}

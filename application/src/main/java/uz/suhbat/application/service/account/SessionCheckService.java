package uz.suhbat.application.service.account;

import java.util.Optional;
import uz.suhbat.application.port.in.account.SessionCheckQuery;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.domain.user.Language;
import uz.suhbat.domain.user.User;

/** Asked on every signed-in request: does the session still stand (not blocked, not ended since), and what the page needs of the user. */
public final class SessionCheckService implements SessionCheckQuery {

    private final UserRepository users;
    private final DeviceLoginRepository devices;

    public SessionCheckService(UserRepository users, DeviceLoginRepository devices) {
        this.users = users;
        this.devices = devices;
    }

    @Override
    public SessionState check(long userId, int sessionEpoch) {
        Optional<User> found = users.findById(userId);
        if (found.isEmpty()) {
            return new Ended();
        }
        User user = found.get();
        if (user.blocked()) {
            return new Blocked(user.blockedReason());
        }
        if (user.sessionEpoch() != sessionEpoch) {
            return new Ended();
        }
        return new Active(user.username().value(), user.mayChat(), user.emailVerified(),
                Language.of(user.language()).map(Language::tag).orElse(null));
    }

    @Override
    public java.util.Set<OpenSession> endedAmong(java.util.Collection<OpenSession> sessions) {
        if (sessions.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Map<Long, User> found = users.findAllById(sessions.stream().map(OpenSession::userId).distinct().toList()).stream()
                .collect(java.util.stream.Collectors.toMap(User::id, u -> u));
        return sessions.stream().filter(s -> {
            User user = found.get(s.userId());
            return user == null || user.blocked() || user.sessionEpoch() != s.sessionEpoch();
        }).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public SessionState check(long userId, int sessionEpoch, String deviceSeries) {
        SessionState state = check(userId, sessionEpoch);
        if (state instanceof Active && deviceSeries != null
                && devices.findBySeries(deviceSeries).filter(device -> device.userId() == userId).isEmpty()) {
            return new Ended(); // the device this session belongs to was signed out
        }
        return state;
    }

    @Override
    public int currentEpoch(long userId) {
        return users.findById(userId).map(User::sessionEpoch).orElse(-1);
    }
}

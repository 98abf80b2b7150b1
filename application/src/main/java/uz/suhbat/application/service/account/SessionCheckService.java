package uz.suhbat.application.service.account;

import java.util.Optional;
import uz.suhbat.application.port.in.account.SessionCheckQuery;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.domain.user.Language;
import uz.suhbat.domain.user.User;

/** Asked on every signed-in request: does the session still stand (not blocked, not ended since), and what the page needs of the user. */
public final class SessionCheckService implements SessionCheckQuery {

    private final UserRepository users;

    public SessionCheckService(UserRepository users) {
        this.users = users;
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
    public int currentEpoch(long userId) {
        return users.findById(userId).map(User::sessionEpoch).orElse(-1);
    }
}

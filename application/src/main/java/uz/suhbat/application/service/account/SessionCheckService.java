package uz.suhbat.application.service.account;

import java.util.Optional;
import uz.suhbat.application.port.in.account.SessionCheckQuery;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.application.port.out.account.SignedInReadPort;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.chat.NewChatReadPort;
import uz.suhbat.domain.user.Language;
import uz.suhbat.domain.user.User;

/** Asked on every signed-in request: does the session still stand (not blocked, not ended since), and what the page needs of the user. */
public final class SessionCheckService implements SessionCheckQuery {

    private final UserRepository users;
    private final DeviceLoginRepository devices;
    private final NewChatReadPort newChats;
    /** null: the user's read and the device's one after the other */
    private final SignedInReadPort signedIn;

    public SessionCheckService(UserRepository users, DeviceLoginRepository devices) {
        this(users, devices, null);
    }

    /** @param newChats what a new chat reads of its author, with the user's row; null: a request that starts a chat is checked as any other */
    public SessionCheckService(UserRepository users, DeviceLoginRepository devices, NewChatReadPort newChats) {
        this(users, devices, newChats, null);
    }

    /**
     * @param signedIn the user's read and their remembered device's in one (a request of a remembered device: most requests);
     *                 null: the two read one after the other
     */
    public SessionCheckService(UserRepository users, DeviceLoginRepository devices, NewChatReadPort newChats, SignedInReadPort signedIn) {
        this.users = users;
        this.devices = devices;
        this.newChats = newChats;
        this.signedIn = signedIn;
    }

    @Override
    public SessionState check(long userId, int sessionEpoch) {
        return stateOf(users.findById(userId), sessionEpoch);
    }

    /** The user's row is the new chat's read of its author: the same row, the same answer as {@link #check(long, int, String)}. */
    @Override
    public Checked checkStartingChat(long userId, int sessionEpoch, String deviceSeries) {
        if (newChats == null) {
            return SessionCheckQuery.super.checkStartingChat(userId, sessionEpoch, deviceSeries);
        }
        Optional<NewChatReadPort.NewChatFacts> facts;
        SessionState state;
        if (signedIn != null) {
            Optional<SignedInReadPort.SignedIn<NewChatReadPort.NewChatFacts>> read = signedIn.newChat(userId, deviceSeries);
            facts = read.map(SignedInReadPort.SignedIn::read);
            state = stateOf(read, f -> f.author().user(), sessionEpoch);
        } else {
            facts = newChats.newChatOf(userId);
            state = withDevice(stateOf(facts.map(f -> f.author().user()), sessionEpoch), userId, deviceSeries);
        }
        return new Checked(state, state instanceof Active ? new NewChatReadAhead(userId, facts.orElseThrow()) : null);
    }

    /** Without {@link SignedInReadPort}: the device's own read, for an active session of a remembered device only. */
    private SessionState withDevice(SessionState state, long userId, String deviceSeries) {
        return onDevice(state, !(state instanceof Active) || deviceSeries == null
                || devices.findBySeries(deviceSeries).filter(device -> device.userId() == userId).isPresent());
    }

    /** The state read with {@link SignedInReadPort}: the user's as {@link #stateOf}, ended when the device was signed out. */
    private static <T> SessionState stateOf(Optional<SignedInReadPort.SignedIn<T>> read, java.util.function.Function<T, User> user,
                                            int sessionEpoch) {
        return onDevice(stateOf(read.map(found -> user.apply(found.read())), sessionEpoch),
                read.map(SignedInReadPort.SignedIn::deviceSignedIn).orElse(false));
    }

    /** An active session of a device that was signed out (on any node) ends here. */
    private static SessionState onDevice(SessionState state, boolean deviceSignedIn) {
        return state instanceof Active && !deviceSignedIn ? new Ended() : state;
    }

    private static SessionState stateOf(Optional<User> found, int sessionEpoch) {
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
        if (deviceSeries == null) {
            return check(userId, sessionEpoch);
        }
        if (signedIn == null) {
            return withDevice(check(userId, sessionEpoch), userId, deviceSeries);
        }
        // the user and the device in one read: every request of a remembered device waits for it
        return stateOf(signedIn.user(userId, deviceSeries), user -> user, sessionEpoch);
    }

    @Override
    public int currentEpoch(long userId) {
        return users.findById(userId).map(User::sessionEpoch).orElse(-1);
    }
}

package uz.suhbat.application.port.in.account;

import java.time.Instant;
import java.util.List;

/**
 * Keeps a device signed in for two days after its last visit. The cookie value is
 * {@code series:token}; the token changes every time the device comes back.
 */
public interface DeviceLoginUseCase {

    /** After a password sign-in: returns the cookie value for this device. */
    String remember(long userId, String userAgent);

    /** A device without a session comes back with its cookie. */
    Resumed resume(String cookieValue, String userAgent);

    /** A signed-in visit: the two days start again. */
    void visited(String cookieValue);

    /** Sign-out of this device. */
    void forget(String cookieValue);

    List<Device> devices(long userId, String currentCookieValue);

    void signOut(long userId, long deviceId);

    /**
     * Ends every other session and remembered device of the user, on every node: the other devices
     * are forgotten and the session epoch rises. Returns the new epoch, which the caller's own session
     * takes on to go on.
     */
    int signOutOthers(long userId, String currentCookieValue);

    sealed interface Resumed {
    }

    /** {@code newCookieValue} is null when a parallel request already replaced the token. */
    record Valid(long userId, String username, int sessionEpoch, String newCookieValue) implements Resumed {
    }

    record Invalid() implements Resumed {
    }

    /** The device belongs to a blocked account: it is forgotten, and the person is told why at once. */
    record Blocked(String reason) implements Resumed {
    }

    record Device(long id, String userAgent, Instant createdAt, Instant lastUsedAt, boolean current) {
    }
}

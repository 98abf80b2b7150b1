package uz.suhbat.application.port.out.account;

import java.util.Optional;
import uz.suhbat.application.port.out.chat.NewChatReadPort;
import uz.suhbat.domain.user.User;

/**
 * What the session check reads on a signed-in request of a remembered device: the user's row (or what a new chat reads of its
 * author, {@link NewChatReadPort}) and whether that device is still signed in for the user. Every such request waits for it,
 * so an adapter answers in one round trip
 * where it can. Without one, the session check reads the user and then the device ({@link DeviceLoginRepository#findBySeries}).
 */
public interface SignedInReadPort {

    /** The user's row; empty when there is no such user. {@code deviceSeries} null: no device ({@code deviceSignedIn} true). */
    Optional<SignedIn<User>> user(long userId, String deviceSeries);

    /** What a new chat reads of its author ({@link NewChatReadPort#newChatOf}); empty when there is no such user. */
    Optional<SignedIn<NewChatReadPort.NewChatFacts>> newChat(long userId, String deviceSeries);

    /** {@code deviceSignedIn}: the device with the series asked for is signed in for this user (true when none was asked for). */
    record SignedIn<T>(T read, boolean deviceSignedIn) {
    }
}

package uz.suhbat.application.port.out.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uz.suhbat.domain.api.ApiKey;

/** Users' API keys (stored as hashes) and who may use the API at all. */
public interface ApiKeyRepository {

    /** Stores a new key under its hash; {@code prefix} is the visible start of the key. */
    ApiKey create(long userId, String name, String prefix, String hash, Instant now);

    /** The user's keys that are not revoked, newest first. */
    List<ApiKey> activeKeys(long userId);

    /** False when the user has no such key, or it was already revoked. */
    boolean revoke(long userId, long keyId, Instant now);

    /** Revokes every key of the user (blocked users lose their keys); how many were revoked. */
    int revokeAll(long userId, Instant now);

    /** The unrevoked key with this hash, with what decides whether its owner may use it now; one query. */
    Optional<KeyHolder> findActive(String hash);

    /** Notes that the key was used at {@code now}; writes at most about once a minute per key. */
    void touch(long keyId, Instant now);

    /** The admin's switch for everyone: true (the default) until turned off. */
    boolean apiOpen();

    void saveApiOpen(boolean open);

    /** The admin's switch for one user; false when there is no such user. */
    boolean saveUserApiDisabled(long userId, boolean disabled);

    boolean userApiDisabled(long userId);

    /** The users the admin turned the API off for, by name. */
    List<UserRef> usersWithApiOff();

    record UserRef(long id, String username) {
    }

    /** A key found by its hash, and its owner's state at that moment. */
    record KeyHolder(long keyId, long userId, boolean userBlocked, boolean userApiDisabled, boolean apiOpen) {
    }
}

package uz.suhbat.application.port.in.api;

import java.util.List;
import java.util.Objects;
import uz.suhbat.domain.api.ApiKey;
import uz.suhbat.domain.shared.Problem;

/** A user's personal API keys: made (shown once), listed and revoked; and a key presented to the API, checked. */
public interface ApiKeysUseCase {

    /** The user's keys, newest first; revoked keys are gone from the list. */
    List<ApiKey> keys(long userId);

    /** Whether the admin lets this user use the API (for everyone and for them). */
    boolean apiOpenFor(long userId);

    Created create(long userId, String name);

    /** False when there was no such key of this user. */
    boolean revoke(long userId, long keyId);

    /** Checks a bearer key sent to the API; each accepted call notes the key's last use. */
    Check check(String presentedKey);

    sealed interface Created {
        /** {@code secret} is the whole key, shown this once and never again. */
        record Made(ApiKey key, String secret) implements Created {
            public Made {
                Objects.requireNonNull(key, "key");
                Objects.requireNonNull(secret, "secret");
            }
        }

        record Rejected(Problem problem) implements Created {
        }
    }

    sealed interface Check {
        record Accepted(ApiCaller caller) implements Check {
        }

        record Refused(Reason reason) implements Check {
        }
    }

    enum Reason {
        /** no such key, or it was revoked */
        UNKNOWN_KEY,
        /** the admin turned the API off, for everyone or for this user */
        API_OFF,
        /** the key's owner is blocked */
        BLOCKED
    }

    /** Who calls the API: the key's owner, and the key, which its usage is counted under. */
    record ApiCaller(long userId, long keyId) {
    }
}

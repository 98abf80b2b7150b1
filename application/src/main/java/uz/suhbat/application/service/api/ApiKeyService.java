package uz.suhbat.application.service.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import uz.suhbat.application.port.in.api.ApiKeysUseCase;
import uz.suhbat.application.port.out.api.ApiKeyRepository;
import uz.suhbat.domain.api.ApiKey;
import uz.suhbat.domain.api.ApiKeyName;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.shared.Problem;

/**
 * Personal API keys. A key is {@code sk-suhbat-} and 256 random bits (base64url); only its SHA-256 is stored (a key
 * this random needs no salt or stretching), with its first characters as a visible prefix. A key is checked with one
 * query that also reads its owner's state, so blocking a user or turning the API off holds on every node at once.
 */
public final class ApiKeyService implements ApiKeysUseCase {

    public static final String KEY_START = "sk-suhbat-";
    /** Enough for every tool a person uses; a limit keeps a leaked session from minting keys without end. */
    static final int MAX_KEYS = 20;
    private static final int PREFIX_LENGTH = KEY_START.length() + 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;
    private final Clock clock;

    public ApiKeyService(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public List<ApiKey> keys(long userId) {
        return keys.activeKeys(userId);
    }

    @Override
    public boolean apiOpenFor(long userId) {
        return keys.apiOpen() && !keys.userApiDisabled(userId);
    }

    @Override
    public Created create(long userId, String name) {
        String parsed;
        try {
            parsed = ApiKeyName.parse(name);
        } catch (InvalidValueException invalid) {
            return new Created.Rejected(invalid.problem());
        }
        if (keys.activeKeys(userId).size() >= MAX_KEYS) {
            return new Created.Rejected(Problem.API_KEY_TOO_MANY);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = KEY_START + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = keys.create(userId, parsed, secret.substring(0, PREFIX_LENGTH), hash(secret), clock.instant());
        return new Created.Made(key, secret);
    }

    @Override
    public boolean revoke(long userId, long keyId) {
        return keys.revoke(userId, keyId, clock.instant());
    }

    @Override
    public Check check(String presentedKey) {
        if (!plausible(presentedKey)) {
            return new Check.Refused(Reason.UNKNOWN_KEY);
        }
        Optional<ApiKeyRepository.KeyHolder> holder = keys.findActive(hash(presentedKey));
        if (holder.isEmpty()) {
            return new Check.Refused(Reason.UNKNOWN_KEY);
        }
        ApiKeyRepository.KeyHolder found = holder.get();
        if (found.userBlocked()) {
            return new Check.Refused(Reason.BLOCKED);
        }
        if (!found.apiOpen() || found.userApiDisabled()) {
            return new Check.Refused(Reason.API_OFF);
        }
        keys.touch(found.keyId(), clock.instant());
        return new Check.Accepted(new ApiCaller(found.userId(), found.keyId()));
    }

    static boolean plausible(String key) {
        return key != null && key.startsWith(KEY_START) && key.length() <= 100
                && key.substring(KEY_START.length()).matches("[A-Za-z0-9_-]{20,}");
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package uz.suhbat.application.port.out.account;

import java.util.Optional;
import uz.suhbat.domain.user.OneTimeToken;
import uz.suhbat.domain.user.TokenPurpose;

/** Single-use tokens, stored by hash. */
public interface OneTimeTokenRepository {

    void save(OneTimeToken token);

    /** Removes and returns the token with this hash, so that it can be used at most once, even concurrently. */
    Optional<OneTimeToken> take(String tokenHash, TokenPurpose purpose);

    /** Peeks without using the token up. */
    Optional<OneTimeToken> find(String tokenHash, TokenPurpose purpose);

    void deleteAll(long userId, TokenPurpose purpose);
}

package uz.suhbat.application.fake;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uz.suhbat.application.port.out.account.OneTimeTokenRepository;
import uz.suhbat.domain.user.OneTimeToken;
import uz.suhbat.domain.user.TokenPurpose;

public final class InMemoryOneTimeTokenRepository implements OneTimeTokenRepository {

    private final Map<String, OneTimeToken> byHash = new ConcurrentHashMap<>();

    @Override
    public void save(OneTimeToken token) {
        byHash.put(token.tokenHash(), token);
    }

    @Override
    public Optional<OneTimeToken> take(String tokenHash, TokenPurpose purpose) {
        Optional<OneTimeToken> found = find(tokenHash, purpose);
        return found.filter(t -> byHash.remove(tokenHash, t));
    }

    @Override
    public Optional<OneTimeToken> find(String tokenHash, TokenPurpose purpose) {
        return Optional.ofNullable(byHash.get(tokenHash)).filter(t -> t.purpose() == purpose);
    }

    @Override
    public void deleteAll(long userId, TokenPurpose purpose) {
        byHash.values().removeIf(t -> t.userId() == userId && t.purpose() == purpose);
    }

    public int count() {
        return byHash.size();
    }

    public void deleteAllOfUser(long userId) {
        byHash.values().removeIf(t -> t.userId() == userId);
    }
}

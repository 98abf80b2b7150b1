package uz.suhbat.application.fake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import uz.suhbat.application.port.out.api.ApiKeyRepository;
import uz.suhbat.application.port.out.api.ApiUsageRepository;
import uz.suhbat.domain.api.ApiKey;
import uz.suhbat.domain.user.User;

/** API keys, switches and usage in memory; users (their names and blocks) come from an {@link InMemoryUserRepository}. */
public final class InMemoryApiKeys implements ApiKeyRepository, ApiUsageRepository {

    private final InMemoryUserRepository users;
    private final Map<Long, ApiKey> keys = new LinkedHashMap<>();
    private final Map<Long, String> hashes = new HashMap<>();
    private final Map<Long, Boolean> disabled = new HashMap<>();
    private final Map<List<Object>, long[]> usage = new HashMap<>();
    private final List<String> exchanges = new ArrayList<>();
    private boolean open = true;
    private long nextId = 1;

    public InMemoryApiKeys(InMemoryUserRepository users) {
        this.users = users;
    }

    @Override
    public synchronized ApiKey create(long userId, String name, String prefix, String hash, Instant now) {
        ApiKey key = new ApiKey(nextId++, userId, name, prefix, now, null, null);
        keys.put(key.id(), key);
        hashes.put(key.id(), hash);
        return key;
    }

    @Override
    public synchronized List<ApiKey> activeKeys(long userId) {
        return keys.values().stream().filter(k -> k.userId() == userId && !k.revoked())
                .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id).reversed()).toList();
    }

    @Override
    public synchronized boolean revoke(long userId, long keyId, Instant now) {
        ApiKey key = keys.get(keyId);
        if (key == null || key.userId() != userId || key.revoked()) {
            return false;
        }
        keys.put(keyId, new ApiKey(key.id(), userId, key.name(), key.prefix(), key.createdAt(), key.lastUsedAt(), now));
        return true;
    }

    @Override
    public synchronized int revokeAll(long userId, Instant now) {
        int revoked = 0;
        for (ApiKey key : List.copyOf(keys.values())) {
            if (key.userId() == userId && revoke(userId, key.id(), now)) {
                revoked++;
            }
        }
        return revoked;
    }

    @Override
    public synchronized Optional<KeyHolder> findActive(String hash) {
        return keys.values().stream().filter(k -> !k.revoked() && hash.equals(hashes.get(k.id()))).findFirst()
                .map(k -> new KeyHolder(k.id(), k.userId(), users.findById(k.userId()).map(User::blocked).orElse(true),
                        userApiDisabled(k.userId()), open));
    }

    @Override
    public synchronized void touch(long keyId, Instant now) {
        ApiKey k = keys.get(keyId);
        if (k != null && (k.lastUsedAt() == null || k.lastUsedAt().isBefore(now.minus(Duration.ofMinutes(1))))) {
            keys.put(keyId, new ApiKey(k.id(), k.userId(), k.name(), k.prefix(), k.createdAt(), now, k.revokedAt()));
        }
    }

    @Override
    public synchronized boolean apiOpen() {
        return open;
    }

    @Override
    public synchronized void saveApiOpen(boolean open) {
        this.open = open;
    }

    @Override
    public synchronized boolean saveUserApiDisabled(long userId, boolean disabled) {
        if (users.findById(userId).isEmpty()) {
            return false;
        }
        this.disabled.put(userId, disabled);
        return true;
    }

    @Override
    public synchronized boolean userApiDisabled(long userId) {
        return disabled.getOrDefault(userId, false);
    }

    @Override
    public synchronized List<UserRef> usersWithApiOff() {
        return disabled.entrySet().stream().filter(Map.Entry::getValue).sorted(Map.Entry.comparingByKey())
                .map(e -> new UserRef(e.getKey(), users.findById(e.getKey()).map(u -> u.username().value()).orElse("?"))).toList();
    }

    @Override
    public synchronized void record(long keyId, LocalDate day, String model, int inputTokens, int outputTokens) {
        long[] row = usage.computeIfAbsent(List.of(keyId, day, model), k -> new long[3]);
        row[0]++;
        row[1] += inputTokens;
        row[2] += outputTokens;
    }

    @Override
    public synchronized void storeExchange(long keyId, Instant at, String model, String question, String answer) {
        exchanges.add(keyId + "\t" + model + "\t" + question + "\t" + answer);
    }

    /** The stored exchanges as "keyId, model, question, answer" lines joined by tabs. */
    public synchronized List<String> exchanges() {
        return List.copyOf(exchanges);
    }

    @Override
    public synchronized List<KeyUsage> usageByKey(LocalDate from, LocalDate to) {
        Map<Long, long[]> byKey = new HashMap<>();
        usage.forEach((k, v) -> {
            LocalDate day = (LocalDate) k.get(1);
            if (!day.isBefore(from) && !day.isAfter(to)) {
                long[] sum = byKey.computeIfAbsent((Long) k.get(0), id -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    sum[i] += v[i];
                }
            }
        });
        return byKey.entrySet().stream().map(e -> {
            ApiKey key = keys.get(e.getKey());
            String name = users.findById(key.userId()).map(u -> u.username().value()).orElse("?");
            return new KeyUsage(key.id(), key.userId(), name, key.name(), key.prefix(), key.revoked(), key.lastUsedAt(),
                    e.getValue()[0], e.getValue()[1], e.getValue()[2]);
        }).sorted(Comparator.comparingLong(KeyUsage::requests).reversed().thenComparingLong(KeyUsage::keyId)).toList();
    }

    @Override
    public synchronized List<DayUsage> usageByDay(LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        usage.forEach((k, v) -> {
            LocalDate day = (LocalDate) k.get(1);
            if (!day.isBefore(from) && !day.isAfter(to)) {
                long[] sum = byDay.computeIfAbsent(day, d -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    sum[i] += v[i];
                }
            }
        });
        return byDay.entrySet().stream().map(e -> new DayUsage(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }

    @Override
    public synchronized int storedExchanges(long keyId) {
        return (int) exchanges.stream().filter(e -> e.startsWith(keyId + "\t")).count();
    }
}

package uz.suhbat.application.fake;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.domain.user.DeviceLogin;

public final class InMemoryDeviceLoginRepository implements DeviceLoginRepository {

    private final Map<Long, DeviceLogin> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public DeviceLogin save(DeviceLogin device) {
        DeviceLogin stored = device.id() != null ? device : new DeviceLogin(ids.incrementAndGet(), device.series(), device.userId(),
                device.tokenHash(), device.previousTokenHash(), device.rotatedAt(), device.createdAt(), device.lastUsedAt(), device.userAgent());
        byId.put(stored.id(), stored);
        return stored;
    }

    @Override
    public Optional<DeviceLogin> findBySeries(String series) {
        return byId.values().stream().filter(d -> d.series().equals(series)).findFirst();
    }

    @Override
    public boolean rotate(long deviceId, String expectedTokenHash, String newTokenHash, Instant now) {
        boolean[] rotated = {false};
        byId.computeIfPresent(deviceId, (id, d) -> {
            if (!d.tokenHash().equals(expectedTokenHash)) {
                return d;
            }
            rotated[0] = true;
            return d.rotate(newTokenHash, now);
        });
        return rotated[0];
    }

    @Override
    public void visited(long deviceId, Instant now) {
        byId.computeIfPresent(deviceId, (id, d) -> d.visitedAt(now));
    }

    @Override
    public List<DeviceLogin> findByUser(long userId) {
        return byId.values().stream().filter(d -> d.userId() == userId)
                .sorted(Comparator.comparing(DeviceLogin::lastUsedAt).reversed().thenComparing(DeviceLogin::id))
                .toList();
    }

    @Override
    public void delete(long userId, long deviceId) {
        byId.computeIfPresent(deviceId, (id, d) -> d.userId() == userId ? null : d);
    }

    @Override
    public void deleteBySeries(String series) {
        byId.values().removeIf(d -> d.series().equals(series));
    }

    @Override
    public void deleteAllOfUser(long userId) {
        byId.values().removeIf(d -> d.userId() == userId);
    }
}

package uz.suhbat.application.port.out.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uz.suhbat.domain.user.DeviceLogin;

/** Devices that stay signed in. */
public interface DeviceLoginRepository {

    /** Inserts a device without id or updates one with id; returns it with its id. */
    DeviceLogin save(DeviceLogin device);

    Optional<DeviceLogin> findBySeries(String series);

    /**
     * Replaces the device's token by {@code newTokenHash} only while its token is still
     * {@code expectedTokenHash} (one conditional update; the old token becomes the previous one, valid
     * for a short grace). False when another request rotated it first: that request's token wins.
     */
    boolean rotate(long deviceId, String expectedTokenHash, String newTokenHash, Instant now);

    /** The device was used at {@code now}; touches nothing but that time. */
    void visited(long deviceId, Instant now);

    /** Most recently used first. */
    List<DeviceLogin> findByUser(long userId);

    void delete(long userId, long deviceId);

    void deleteBySeries(String series);

    void deleteAllOfUser(long userId);
}

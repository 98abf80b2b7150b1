package uz.suhbat.application.port.out.account;

import java.util.List;
import java.util.Optional;
import uz.suhbat.domain.user.DeviceLogin;

/** Devices that stay signed in. */
public interface DeviceLoginRepository {

    /** Inserts a device without id or updates one with id; returns it with its id. */
    DeviceLogin save(DeviceLogin device);

    Optional<DeviceLogin> findBySeries(String series);

    /** Most recently used first. */
    List<DeviceLogin> findByUser(long userId);

    void delete(long userId, long deviceId);

    void deleteBySeries(String series);

    void deleteAllOfUser(long userId);
}

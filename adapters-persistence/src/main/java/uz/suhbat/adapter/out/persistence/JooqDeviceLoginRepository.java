package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.DEVICE_LOGIN;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import uz.suhbat.adapter.out.persistence.schema.tables.records.DeviceLoginRecord;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.domain.user.DeviceLogin;

final class JooqDeviceLoginRepository implements DeviceLoginRepository {

    private final DSLContext db;

    JooqDeviceLoginRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public DeviceLogin save(DeviceLogin d) {
        if (d.id() == null) {
            Long id = db.insertInto(DEVICE_LOGIN)
                    .set(DEVICE_LOGIN.SERIES, d.series())
                    .set(DEVICE_LOGIN.USER_ID, d.userId())
                    .set(DEVICE_LOGIN.TOKEN_HASH, d.tokenHash())
                    .set(DEVICE_LOGIN.PREVIOUS_HASH, d.previousTokenHash())
                    .set(DEVICE_LOGIN.ROTATED, Times.toDb(d.rotatedAt()))
                    .set(DEVICE_LOGIN.CREATED, Times.toDb(d.createdAt()))
                    .set(DEVICE_LOGIN.LAST_USED, Times.toDb(d.lastUsedAt()))
                    .set(DEVICE_LOGIN.USER_AGENT, d.userAgent())
                    .returningResult(DEVICE_LOGIN.ID)
                    .fetchOne(DEVICE_LOGIN.ID);
            return new DeviceLogin(id, d.series(), d.userId(), d.tokenHash(), d.previousTokenHash(), d.rotatedAt(), d.createdAt(),
                    d.lastUsedAt(), d.userAgent());
        }
        db.update(DEVICE_LOGIN)
                .set(DEVICE_LOGIN.TOKEN_HASH, d.tokenHash())
                .set(DEVICE_LOGIN.PREVIOUS_HASH, d.previousTokenHash())
                .set(DEVICE_LOGIN.ROTATED, Times.toDb(d.rotatedAt()))
                .set(DEVICE_LOGIN.LAST_USED, Times.toDb(d.lastUsedAt()))
                .where(DEVICE_LOGIN.ID.eq(d.id()))
                .execute();
        return d;
    }

    @Override
    public Optional<DeviceLogin> findBySeries(String series) {
        return db.selectFrom(DEVICE_LOGIN).where(DEVICE_LOGIN.SERIES.eq(series)).fetchOptional().map(JooqDeviceLoginRepository::toDevice);
    }

    @Override
    public boolean rotate(long deviceId, String expectedTokenHash, String newTokenHash, Instant now) {
        // one statement: of two requests that present the same token at once, exactly one rotates it
        return db.update(DEVICE_LOGIN)
                .set(DEVICE_LOGIN.PREVIOUS_HASH, expectedTokenHash)
                .set(DEVICE_LOGIN.TOKEN_HASH, newTokenHash)
                .set(DEVICE_LOGIN.ROTATED, Times.toDb(now))
                .set(DEVICE_LOGIN.LAST_USED, Times.toDb(now))
                .where(DEVICE_LOGIN.ID.eq(deviceId), DEVICE_LOGIN.TOKEN_HASH.eq(expectedTokenHash))
                .execute() == 1;
    }

    @Override
    public void visited(long deviceId, Instant now) {
        db.update(DEVICE_LOGIN).set(DEVICE_LOGIN.LAST_USED, Times.toDb(now))
                .where(DEVICE_LOGIN.ID.eq(deviceId), DEVICE_LOGIN.LAST_USED.lt(Times.toDb(now)))
                .execute();
    }

    @Override
    public List<DeviceLogin> findByUser(long userId) {
        return db.selectFrom(DEVICE_LOGIN).where(DEVICE_LOGIN.USER_ID.eq(userId))
                .orderBy(DEVICE_LOGIN.LAST_USED.desc(), DEVICE_LOGIN.ID)
                .fetch(JooqDeviceLoginRepository::toDevice);
    }

    @Override
    public void delete(long userId, long deviceId) {
        db.deleteFrom(DEVICE_LOGIN).where(DEVICE_LOGIN.ID.eq(deviceId), DEVICE_LOGIN.USER_ID.eq(userId)).execute();
    }

    @Override
    public void deleteBySeries(String series) {
        db.deleteFrom(DEVICE_LOGIN).where(DEVICE_LOGIN.SERIES.eq(series)).execute();
    }

    @Override
    public void deleteAllOfUser(long userId) {
        db.deleteFrom(DEVICE_LOGIN).where(DEVICE_LOGIN.USER_ID.eq(userId)).execute();
    }

    private static DeviceLogin toDevice(DeviceLoginRecord r) {
        return new DeviceLogin(r.getId(), r.getSeries(), r.getUserId(), r.getTokenHash(), r.getPreviousHash(), Times.fromDb(r.getRotated()),
                Times.fromDb(r.getCreated()), Times.fromDb(r.getLastUsed()), r.getUserAgent());
    }
}

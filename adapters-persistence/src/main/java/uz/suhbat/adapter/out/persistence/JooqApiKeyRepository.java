package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.API_KEY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.SETTING;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uz.suhbat.adapter.out.persistence.schema.tables.records.ApiKeyRecord;
import uz.suhbat.application.port.out.api.ApiKeyRepository;
import uz.suhbat.domain.api.ApiKey;

/**
 * Keys in {@code api_key} (hash, visible prefix, times), the switch for everyone in the {@code setting} row
 * {@code api_access} ("off" turns the API off), and each user's own in {@code user.api_disabled}.
 */
final class JooqApiKeyRepository implements ApiKeyRepository {

    static final String API_ACCESS = "api_access";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final DSLContext db;

    JooqApiKeyRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public ApiKey create(long userId, String name, String prefix, String hash, Instant now) {
        long id = db.insertInto(API_KEY)
                .set(API_KEY.USER_ID, userId).set(API_KEY.NAME, name).set(API_KEY.PREFIX, prefix).set(API_KEY.HASH, hash)
                .set(API_KEY.CREATED, Times.toDb(now))
                .returningResult(API_KEY.ID).fetchOne(API_KEY.ID);
        return new ApiKey(id, userId, name, prefix, now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), null, null);
    }

    @Override
    public List<ApiKey> activeKeys(long userId) {
        return db.selectFrom(API_KEY).where(API_KEY.USER_ID.eq(userId), API_KEY.REVOKED.isNull())
                .orderBy(API_KEY.CREATED.desc(), API_KEY.ID.desc())
                .fetch(JooqApiKeyRepository::key);
    }

    @Override
    public boolean revoke(long userId, long keyId, Instant now) {
        return db.update(API_KEY).set(API_KEY.REVOKED, Times.toDb(now))
                .where(API_KEY.ID.eq(keyId), API_KEY.USER_ID.eq(userId), API_KEY.REVOKED.isNull())
                .execute() == 1;
    }

    @Override
    public int revokeAll(long userId, Instant now) {
        return db.update(API_KEY).set(API_KEY.REVOKED, Times.toDb(now))
                .where(API_KEY.USER_ID.eq(userId), API_KEY.REVOKED.isNull())
                .execute();
    }

    @Override
    public Optional<KeyHolder> findActive(String hash) {
        var access = DSL.field(DSL.select(SETTING.VALUE).from(SETTING).where(SETTING.NAME.eq(API_ACCESS)));
        return db.select(API_KEY.ID, API_KEY.USER_ID, USER.BLOCKED, USER.API_DISABLED, access)
                .from(API_KEY).join(USER).on(USER.ID.eq(API_KEY.USER_ID))
                .where(API_KEY.HASH.eq(hash), API_KEY.REVOKED.isNull())
                .fetchOptional(r -> new KeyHolder(r.value1(), r.value2(), r.value3(), r.value4(), !"off".equals(r.value5())));
    }

    @Override
    public void touch(long keyId, Instant now) {
        db.update(API_KEY).set(API_KEY.LAST_USED, Times.toDb(now))
                .where(API_KEY.ID.eq(keyId),
                        API_KEY.LAST_USED.isNull().or(API_KEY.LAST_USED.lt(Times.toDb(now.minus(TOUCH_EVERY)))))
                .execute();
    }

    @Override
    public boolean apiOpen() {
        return !"off".equals(db.select(SETTING.VALUE).from(SETTING).where(SETTING.NAME.eq(API_ACCESS)).fetchOne(SETTING.VALUE));
    }

    @Override
    public void saveApiOpen(boolean open) {
        String value = open ? "on" : "off";
        int updated = db.update(SETTING).set(SETTING.VALUE, value).where(SETTING.NAME.eq(API_ACCESS)).execute();
        if (updated == 0) {
            db.insertInto(SETTING).set(SETTING.NAME, API_ACCESS).set(SETTING.VALUE, value).onDuplicateKeyIgnore().execute();
        }
    }

    @Override
    public boolean saveUserApiDisabled(long userId, boolean disabled) {
        return db.update(USER).set(USER.API_DISABLED, disabled).where(USER.ID.eq(userId)).execute() > 0;
    }

    @Override
    public boolean userApiDisabled(long userId) {
        return Boolean.TRUE.equals(db.select(USER.API_DISABLED).from(USER).where(USER.ID.eq(userId)).fetchOne(USER.API_DISABLED));
    }

    @Override
    public List<UserRef> usersWithApiOff() {
        return db.select(USER.ID, USER.USERNAME).from(USER).where(USER.API_DISABLED.isTrue()).orderBy(USER.ID)
                .fetch(r -> new UserRef(r.value1(), r.value2()));
    }

    private static ApiKey key(ApiKeyRecord r) {
        return new ApiKey(r.getId(), r.getUserId(), r.getName(), r.getPrefix(), Times.fromDb(r.getCreated()),
                Times.fromDb(r.getLastUsed()),
                Times.fromDb(r.getRevoked()));
    }
}

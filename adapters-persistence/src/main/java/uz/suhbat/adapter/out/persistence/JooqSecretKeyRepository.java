package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CLUSTER_SECRET;

import java.security.SecureRandom;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.security.SecretKeyRepository;

/** Shared secrets in MySQL: the first node's random value is kept ({@code INSERT IGNORE}), every node reads that one. */
final class JooqSecretKeyRepository implements SecretKeyRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;

    JooqSecretKeyRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public byte[] secret(String name) {
        byte[] candidate = new byte[32];
        RANDOM.nextBytes(candidate);
        db.insertInto(CLUSTER_SECRET).set(CLUSTER_SECRET.NAME, name).set(CLUSTER_SECRET.VALUE, candidate).onDuplicateKeyIgnore().execute();
        return db.select(CLUSTER_SECRET.VALUE).from(CLUSTER_SECRET).where(CLUSTER_SECRET.NAME.eq(name)).fetchOne(CLUSTER_SECRET.VALUE);
    }
}

package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.API_EXCHANGE;
import static uz.suhbat.adapter.out.persistence.schema.Tables.API_KEY;
import static uz.suhbat.adapter.out.persistence.schema.Tables.API_USAGE;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import uz.suhbat.application.port.out.api.ApiUsageRepository;
import uz.suhbat.domain.shared.ShortText;

/**
 * {@code api_usage}: one row per key, UTC day and model, counted by an insert of an empty row (ignored when it is
 * there) and one additive UPDATE, so that nodes counting at once add up rather than overwrite each other.
 */
final class JooqApiUsageRepository implements ApiUsageRepository {

    private static final int MEDIUMTEXT_CHARS = 4_000_000;

    private final DSLContext db;

    JooqApiUsageRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public void record(long keyId, LocalDate day, String model, int inputTokens, int outputTokens) {
        db.insertInto(API_USAGE).set(API_USAGE.KEY_ID, keyId).set(API_USAGE.DAY, day).set(API_USAGE.MODEL, model)
                .set(API_USAGE.REQUESTS, 0).set(API_USAGE.INPUT_TOKENS, 0L).set(API_USAGE.OUTPUT_TOKENS, 0L)
                .onDuplicateKeyIgnore().execute();
        db.update(API_USAGE)
                .set(API_USAGE.REQUESTS, API_USAGE.REQUESTS.plus(1))
                .set(API_USAGE.INPUT_TOKENS, API_USAGE.INPUT_TOKENS.plus((long) inputTokens))
                .set(API_USAGE.OUTPUT_TOKENS, API_USAGE.OUTPUT_TOKENS.plus((long) outputTokens))
                .where(API_USAGE.KEY_ID.eq(keyId), API_USAGE.DAY.eq(day), API_USAGE.MODEL.eq(model))
                .execute();
    }

    @Override
    public void storeExchange(long keyId, Instant at, String model, String question, String answer) {
        db.insertInto(API_EXCHANGE).set(API_EXCHANGE.KEY_ID, keyId).set(API_EXCHANGE.DATE, Times.toDb(at))
                .set(API_EXCHANGE.MODEL, model)
                .set(API_EXCHANGE.QUESTION, ShortText.cut(question, MEDIUMTEXT_CHARS))
                .set(API_EXCHANGE.ANSWER, ShortText.cut(answer, MEDIUMTEXT_CHARS))
                .execute();
    }

    @Override
    public List<KeyUsage> usageByKey(LocalDate from, LocalDate to) {
        Field<Integer> requests = DSL.sum(API_USAGE.REQUESTS).cast(Integer.class).as("requests");
        Field<BigDecimal> input = DSL.sum(API_USAGE.INPUT_TOKENS).as("input");
        Field<BigDecimal> output = DSL.sum(API_USAGE.OUTPUT_TOKENS).as("output");
        return db.select(API_KEY.ID, API_KEY.USER_ID, USER.USERNAME, API_KEY.NAME, API_KEY.PREFIX, API_KEY.REVOKED, API_KEY.LAST_USED,
                        requests, input, output)
                .from(API_USAGE).join(API_KEY).on(API_KEY.ID.eq(API_USAGE.KEY_ID)).join(USER).on(USER.ID.eq(API_KEY.USER_ID))
                .where(API_USAGE.DAY.between(from, to))
                .groupBy(API_KEY.ID, API_KEY.USER_ID, USER.USERNAME, API_KEY.NAME, API_KEY.PREFIX, API_KEY.REVOKED, API_KEY.LAST_USED)
                .orderBy(requests.desc(), API_KEY.ID)
                .fetch(r -> new KeyUsage(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6() != null,
                        Times.fromDb(r.value7()), r.value8(), r.value9().longValue(), r.value10().longValue()));
    }

    @Override
    public List<DayUsage> usageByDay(LocalDate from, LocalDate to) {
        return db.select(API_USAGE.DAY, DSL.sum(API_USAGE.REQUESTS), DSL.sum(API_USAGE.INPUT_TOKENS), DSL.sum(API_USAGE.OUTPUT_TOKENS))
                .from(API_USAGE).where(API_USAGE.DAY.between(from, to))
                .groupBy(API_USAGE.DAY).orderBy(API_USAGE.DAY)
                .fetch(r -> new DayUsage(r.value1(), r.value2().longValue(), r.value3().longValue(), r.value4().longValue()));
    }

    @Override
    public int storedExchanges(long keyId) {
        return db.fetchCount(API_EXCHANGE, API_EXCHANGE.KEY_ID.eq(keyId));
    }
}

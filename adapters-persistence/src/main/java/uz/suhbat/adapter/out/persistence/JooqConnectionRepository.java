package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.PROVIDER_CONNECTION;
import static uz.suhbat.adapter.out.persistence.schema.Tables.PROVIDER_MODEL;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uz.suhbat.adapter.out.persistence.schema.tables.records.ProviderConnectionRecord;
import uz.suhbat.adapter.out.persistence.schema.tables.records.ProviderModelRecord;
import uz.suhbat.application.port.out.provider.ConnectionRepository;
import uz.suhbat.domain.provider.Connection;
import uz.suhbat.domain.provider.ConnectionKind;
import uz.suhbat.domain.provider.ConnectionModel;

/**
 * Connections in {@code provider_connection} (the key only as the sealed text it is given), their chosen models in
 * {@code provider_model}, in the order they were chosen (by insertion; one row per model).
 */
final class JooqConnectionRepository implements ConnectionRepository {

    private final DSLContext db;

    JooqConnectionRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<Connection> all() {
        return read(DSL.trueCondition());
    }

    @Override
    public Optional<Connection> find(long id) {
        return read(PROVIDER_CONNECTION.ID.eq(id)).stream().findFirst();
    }

    private List<Connection> read(Condition which) {
        List<ProviderConnectionRecord> rows = db.selectFrom(PROVIDER_CONNECTION).where(which).orderBy(PROVIDER_CONNECTION.ID).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ConnectionModel>> models = new LinkedHashMap<>();
        for (ProviderModelRecord m : db.selectFrom(PROVIDER_MODEL)
                .where(PROVIDER_MODEL.CONNECTION_ID.in(rows.stream().map(ProviderConnectionRecord::getId).toList()))
                .orderBy(PROVIDER_MODEL.CONNECTION_ID, PROVIDER_MODEL.POSITION).fetch()) {
            models.computeIfAbsent(m.getConnectionId(), id -> new ArrayList<>()).add(new ConnectionModel(m.getModel(), m.getDisplayName(),
                    m.getSystemPrompt(), m.getTemperature() == null ? null : m.getTemperature().doubleValue(), m.getVision()));
        }
        return rows.stream().map(r -> new Connection(r.getId(), r.getName(), ConnectionKind.valueOf(r.getKind()), r.getBaseUrl(),
                r.getApiKeySealed(), r.getApiKeyHint(), r.getEnabled(), r.getVersion(), models.getOrDefault(r.getId(), List.of()))).toList();
    }

    @Override
    public long create(String name, ConnectionKind kind, String baseUrl, String sealedKey, String keyHint, Instant now) {
        return db.insertInto(PROVIDER_CONNECTION)
                .set(PROVIDER_CONNECTION.NAME, name).set(PROVIDER_CONNECTION.KIND, kind.name()).set(PROVIDER_CONNECTION.BASE_URL, baseUrl)
                .set(PROVIDER_CONNECTION.API_KEY_SEALED, sealedKey).set(PROVIDER_CONNECTION.API_KEY_HINT, keyHint)
                .set(PROVIDER_CONNECTION.CREATED, Times.toDb(now))
                .returningResult(PROVIDER_CONNECTION.ID).fetchOne(PROVIDER_CONNECTION.ID);
    }

    @Override
    public boolean update(long id, String name, String baseUrl, Optional<KeyChange> key) {
        var update = db.update(PROVIDER_CONNECTION).set(PROVIDER_CONNECTION.NAME, name).set(PROVIDER_CONNECTION.BASE_URL, baseUrl)
                .set(PROVIDER_CONNECTION.VERSION, PROVIDER_CONNECTION.VERSION.plus(1));
        if (key.isPresent()) {
            update = update.set(PROVIDER_CONNECTION.API_KEY_SEALED, key.get().sealedKey()).set(PROVIDER_CONNECTION.API_KEY_HINT, key.get().keyHint());
        }
        return update.where(PROVIDER_CONNECTION.ID.eq(id)).execute() == 1;
    }

    @Override
    public boolean setEnabled(long id, boolean enabled) {
        return db.update(PROVIDER_CONNECTION).set(PROVIDER_CONNECTION.ENABLED, enabled)
                .set(PROVIDER_CONNECTION.VERSION, PROVIDER_CONNECTION.VERSION.plus(1))
                .where(PROVIDER_CONNECTION.ID.eq(id)).execute() == 1;
    }

    @Override
    public boolean delete(long id) {
        return db.deleteFrom(PROVIDER_CONNECTION).where(PROVIDER_CONNECTION.ID.eq(id)).execute() == 1;
    }

    @Override
    public boolean replaceModels(long id, List<ConnectionModel> models) {
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            // the row lock orders two admins saving at once; the version tells every node to read again
            if (t.update(PROVIDER_CONNECTION).set(PROVIDER_CONNECTION.VERSION, PROVIDER_CONNECTION.VERSION.plus(1))
                    .where(PROVIDER_CONNECTION.ID.eq(id)).execute() != 1) {
                return false;
            }
            t.deleteFrom(PROVIDER_MODEL).where(PROVIDER_MODEL.CONNECTION_ID.eq(id)).execute();
            int position = 0;
            for (ConnectionModel model : models) {
                t.insertInto(PROVIDER_MODEL).set(PROVIDER_MODEL.CONNECTION_ID, id).set(PROVIDER_MODEL.MODEL, model.modelId())
                        .set(PROVIDER_MODEL.POSITION, position++)
                        .set(PROVIDER_MODEL.DISPLAY_NAME, model.displayName()).set(PROVIDER_MODEL.SYSTEM_PROMPT, model.systemPrompt())
                        .set(PROVIDER_MODEL.TEMPERATURE, model.temperature() == null ? null : BigDecimal.valueOf(model.temperature()))
                        .set(PROVIDER_MODEL.VISION, model.vision()).execute();
            }
            return true;
        });
    }
}

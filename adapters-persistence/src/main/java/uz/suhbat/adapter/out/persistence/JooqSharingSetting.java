package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.SETTING;

import org.jooq.DSLContext;
import uz.suhbat.application.port.out.conversation.SharingSettingRepository;

/** The admin's sharing switch: a {@code setting} row {@code sharing_enabled}; no row is "on". */
final class JooqSharingSetting implements SharingSettingRepository {

    static final String NAME = "sharing_enabled";

    private final DSLContext db;

    JooqSharingSetting(DSLContext db) {
        this.db = db;
    }

    @Override
    public boolean sharingEnabled() {
        return !"false".equals(db.select(SETTING.VALUE).from(SETTING).where(SETTING.NAME.eq(NAME)).fetchOne(SETTING.VALUE));
    }

    @Override
    public void setSharingEnabled(boolean enabled) {
        String value = String.valueOf(enabled);
        if (db.update(SETTING).set(SETTING.VALUE, value).where(SETTING.NAME.eq(NAME)).execute() == 0
                && db.insertInto(SETTING).set(SETTING.NAME, NAME).set(SETTING.VALUE, value).onDuplicateKeyIgnore().execute() == 0) {
            // another node inserted the row meanwhile: this change is the later one
            db.update(SETTING).set(SETTING.VALUE, value).where(SETTING.NAME.eq(NAME)).execute();
        }
    }
}

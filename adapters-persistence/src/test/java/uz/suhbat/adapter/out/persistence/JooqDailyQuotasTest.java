package uz.suhbat.adapter.out.persistence;

import java.time.LocalDateTime;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.application.port.out.limit.DailyQuotaPortContract;
import uz.suhbat.application.port.out.limit.LimitSettingsRepository;

class JooqDailyQuotasTest extends DailyQuotaPortContract {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 8, 0);

    private DSLContext db;

    @Override
    protected LimitSettingsRepository emptySettings() {
        db = TestDatabase.emptied();
        return new JooqLimitSettingsRepository(db);
    }

    @Override
    protected DailyQuotaPort quotas() {
        return new JooqDailyQuotas(db);
    }

    @Override
    protected long givenUser() {
        return new Rows(db).user("counted", NOW, true, false);
    }
}

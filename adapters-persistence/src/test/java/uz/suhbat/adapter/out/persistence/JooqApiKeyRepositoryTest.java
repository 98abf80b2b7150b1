package uz.suhbat.adapter.out.persistence;

import java.time.LocalDateTime;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.api.ApiKeyRepository;
import uz.suhbat.application.port.out.api.ApiKeyRepositoryContract;
import uz.suhbat.application.port.out.api.ApiUsageRepository;

class JooqApiKeyRepositoryTest extends ApiKeyRepositoryContract {

    private DSLContext db;

    @Override
    protected ApiKeyRepository emptyKeys() {
        db = TestDatabase.emptied();
        return new JooqApiKeyRepository(db);
    }

    @Override
    protected ApiUsageRepository usage() {
        return new JooqApiUsageRepository(db);
    }

    @Override
    protected long givenUser(String name, boolean blocked) {
        return new Rows(db).user(name, LocalDateTime.of(2026, 11, 1, 8, 0), true, blocked);
    }
}

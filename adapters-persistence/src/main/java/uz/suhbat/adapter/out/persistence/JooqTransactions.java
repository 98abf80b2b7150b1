package uz.suhbat.adapter.out.persistence;

import java.util.function.Supplier;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.transaction.TransactionPort;

/**
 * jOOQ transactions. With Spring's transaction provider (Spring Boot's jOOQ setup) every
 * repository call inside {@code work} joins the transaction, since all share one DSLContext.
 */
final class JooqTransactions implements TransactionPort {

    private final DSLContext db;

    JooqTransactions(DSLContext db) {
        this.db = db;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return db.transactionResult(tx -> work.get());
    }
}

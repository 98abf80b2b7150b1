package uz.suhbat.application.fake;

import java.util.function.Supplier;
import uz.suhbat.application.port.out.transaction.TransactionPort;

/** In memory there is nothing to roll back: work just runs. */
public final class DirectTransactions implements TransactionPort {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}

package uz.suhbat.application.port.out.transaction;

import java.util.function.Supplier;

/** Runs work as one database transaction: all of it is stored, or none. */
public interface TransactionPort {

    <T> T inTransaction(Supplier<T> work);
}

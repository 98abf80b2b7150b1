package uz.suhbat.adapter.out.persistence;

import javax.sql.DataSource;

/**
 * Connections for the short write transactions that every message waits for (storing it, storing
 * its answer), with autocommit already off: such a transaction then costs its statements and its
 * commit, and no round trips to switch autocommit off and on again around them. Provided by
 * bootstrap; without it those transactions use the main connections. Nothing else may use these
 * connections, since a statement outside a transaction would leave one open. They take several statements in one
 * query ({@code allowMultiQueries}): a new chat's transaction is sent in one round trip.
 */
public record TransactionConnections(DataSource dataSource) implements AutoCloseable {

    @Override
    public void close() throws Exception {
        if (dataSource instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}

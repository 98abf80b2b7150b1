package uz.suhbat.bootstrap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A MySQL named lock ({@code GET_LOCK}) around work that nodes starting at the same time must not
 * do twice at once, such as creating the main admin. The lock belongs to one connection, held for
 * the duration; the work itself may use other connections. A node that dies loses its connection,
 * and with it the lock.
 */
final class ClusterLock {

    private final DataSource dataSource;

    ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T with(String name, int timeoutSeconds, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                lock.setString(1, name);
                lock.setInt(2, timeoutSeconds);
                try (ResultSet result = lock.executeQuery()) {
                    if (!result.next() || result.getInt(1) != 1) {
                        throw new IllegalStateException("Another node held the database lock '" + name + "' for more than "
                                + timeoutSeconds + " s");
                    }
                }
            }
            try {
                return work.get();
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    unlock.setString(1, name);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database lock '" + name + "': " + e.getMessage(), e);
        }
    }
}

package uz.suhbat.bootstrap;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.suhbat.adapter.in.web.HealthEndpoint;

/** The health answer's check: the database gives a connection that answers within two seconds ({@code /actuator/health}). */
final class DatabaseHealth implements HealthEndpoint.Probe {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);
    private static final int VALIDATION_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean up() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException e) {
            log.warn("Health: the database does not answer: {}", e.getMessage());
            return false;
        }
    }
}

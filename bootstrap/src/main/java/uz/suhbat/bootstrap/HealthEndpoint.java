package uz.suhbat.bootstrap;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /actuator/health}: {@code {"status":"UP"}} (200) while the application serves requests and its database answers,
 * {@code {"status":"DOWN"}} (503) when the database does not, as Spring Boot's actuator answered with
 * {@code show-details=never}. The path stays the actuator's, so that every script, load balancer and test that waits for it
 * keeps working. Not the actuator itself: its endpoint and health infrastructure were about 350 classes and 3 MB resident at
 * every start for this one answer (docs/benchmarks.md, "Session 9: memory when idle").
 */
@RestController
class HealthEndpoint {

    static final String PATH = "/actuator/health";
    private static final Logger log = LoggerFactory.getLogger(HealthEndpoint.class);
    private static final int VALIDATION_SECONDS = 2;

    private final DataSource dataSource;

    HealthEndpoint(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> health() {
        boolean up = databaseAnswers();
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException e) {
            log.warn("Health: the database does not answer: {}", e.getMessage());
            return false;
        }
    }
}

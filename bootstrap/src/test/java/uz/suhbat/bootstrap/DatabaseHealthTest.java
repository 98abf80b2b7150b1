package uz.suhbat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uz.suhbat.adapter.in.web.HealthEndpoint;

/** The health answer when the database does not answer (the answer while it does: FoundationEndToEndTest, health is UP). */
class DatabaseHealthTest {

    @Test
    void downWith503WhenTheDatabaseDoesNotAnswer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DriverManagerDataSource unreachable = new DriverManagerDataSource(
                "jdbc:mysql://127.0.0.1:" + closedPort + "/suhbat?connectTimeout=2000", "suhbat", "none");

        ResponseEntity<String> health = new HealthEndpoint(new DatabaseHealth(unreachable)).health();

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(health.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(health.getBody()).isEqualTo("{\"status\":\"DOWN\"}");
    }
}

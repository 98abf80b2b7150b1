package uz.suhbat.adapter.in.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /actuator/health}: {@code {"status":"UP"}} (200) while the application serves requests and its database answers,
 * {@code {"status":"DOWN"}} (503) when the database does not, as Spring Boot's actuator answered with
 * {@code show-details=never}. The path stays the actuator's, so that every script, load balancer and test that waits for it
 * keeps working. Not the actuator itself: its endpoint and health infrastructure were about 630 classes and 5 MB resident
 * at every start for this one answer (docs/benchmarks.md, "Session 9: memory when idle").
 */
@RestController
public class HealthEndpoint {

    public static final String PATH = "/actuator/health";

    /** Whether what the application needs to serve answers (the bootstrap checks the database). */
    @FunctionalInterface
    public interface Probe {
        boolean up();
    }

    private final Probe probe;

    public HealthEndpoint(Probe probe) {
        this.probe = probe;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> health() {
        boolean up = probe.up();
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }
}

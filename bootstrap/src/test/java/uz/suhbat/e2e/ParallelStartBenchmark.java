package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.bootstrap.TestDatabaseServer;

/**
 * Two nodes started at the same moment on an empty database, ten times (issue 12: "10 out of 10"). Each round gets a
 * database of its own on one MariaDB server (empty: the nodes create it, Flyway fills it, both try to create the main
 * admin). A round passes when both nodes answer their health check UP, the admin signs in on each, and there is exactly
 * one main admin. Too slow for every build (two Spring starts a round), so it is a benchmark: {@code bench/parallel-start.sh}.
 */
@Tag("benchmark")
class ParallelStartBenchmark {

    static final int ROUNDS = Integer.getInteger("suhbat.benchmark.rounds", 10);

    @Test
    void twoNodesStartedAtOnceOnAnEmptyDatabaseBothComeUpTenTimesOutOfTen() throws Exception {
        Path data = StandaloneSuhbat.newDataFolder("parallel-start");
        List<String> report = new ArrayList<>();
        int passed = 0;
        try (FakeOpenAi openAi = FakeOpenAi.start(); TestDatabaseServer database = TestDatabaseServer.start(data.resolve("mysql"))) {
            GreenMail mail = StandaloneSuhbat.startMail();
            try {
                for (int round = 1; round <= ROUNDS; round++) {
                    String[] settings = {"MYSQL_HOST=127.0.0.1", "MYSQL_PORT=" + database.port(), "MYSQL_USER=" + database.user(),
                            "MYSQL_PASSWORD=" + database.password(), "MYSQL_DATABASE=suhbat_start_" + round};
                    long started = System.nanoTime();
                    List<StandaloneSuhbat> nodes = new ArrayList<>();
                    String outcome;
                    try (var starters = Executors.newVirtualThreadPerTaskExecutor()) {
                        List<CompletableFuture<StandaloneSuhbat>> starting = List.of(
                                CompletableFuture.supplyAsync(() -> StandaloneSuhbat.start(data, openAi, mail, settings), starters),
                                CompletableFuture.supplyAsync(() -> StandaloneSuhbat.start(data, openAi, mail, settings), starters));
                        for (CompletableFuture<StandaloneSuhbat> node : starting) {
                            try {
                                nodes.add(node.join());
                            } catch (RuntimeException failed) {
                                // counted below
                            }
                        }
                    }
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    try {
                        assertThat(nodes).as("nodes up").hasSize(2);
                        for (StandaloneSuhbat node : nodes) {
                            assertThat(health(node)).contains("\"UP\"");
                            node.admin(mail);
                        }
                        long admins = nodes.getFirst().context().getBean(DSLContext.class)
                                .fetchSingle("select count(*) from admin where main").get(0, Long.class);
                        assertThat(admins).as("main admins").isEqualTo(1);
                        passed++;
                        outcome = "ok";
                    } catch (AssertionError | RuntimeException e) {
                        outcome = "FAILED: " + e.getMessage().lines().findFirst().orElse("");
                    } finally {
                        nodes.forEach(StandaloneSuhbat::close);
                    }
                    report.add("round " + round + ": " + outcome + ", both started in " + took.toMillis() + " ms");
                    System.out.println(report.getLast());
                }
            } finally {
                mail.stop();
            }
        } finally {
            String summary = passed + " of " + ROUNDS + " rounds: both nodes up on an empty database\n" + String.join("\n", report) + "\n";
            Files.writeString(Path.of("target", "benchmark-parallel-start.txt"), summary);
            System.out.println(summary);
            StandaloneSuhbat.deleteQuietly(data);
        }
        assertThat(passed).isEqualTo(ROUNDS);
    }

    private static String health(StandaloneSuhbat node) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.url("/actuator/health"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}

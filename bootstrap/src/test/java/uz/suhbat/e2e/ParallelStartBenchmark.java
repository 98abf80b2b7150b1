package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.bootstrap.TestDatabaseServer;

/**
 * Two nodes started at the same moment on an empty database, ten times (issue 12: "10 out of 10"). Each node is a JVM
 * of its own ({@link ChildProcessSuhbat}), as on real machines: two Spring Boot applications started at once in one JVM
 * race on the JVM-wide logging set-up ("Unable to find Spring Environment in logger context"), a failure of the test
 * harness, not of Suhbat. Each round gets a database of its own on one MariaDB server (empty: the nodes create it,
 * Flyway fills it, both try to create the main admin). A round passes when both nodes answer their health check UP, the
 * admin signs in on each, and there is exactly one main admin. Too slow for every build (two Spring starts a round), so it is a benchmark: {@code bench/parallel-start.sh}.
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
                    List<ChildProcessSuhbat> nodes = new ArrayList<>();
                    String outcome;
                    try (var starters = Executors.newVirtualThreadPerTaskExecutor()) {
                        List<CompletableFuture<ChildProcessSuhbat>> starting = List.of(
                                CompletableFuture.supplyAsync(() -> ChildProcessSuhbat.start(data, openAi, mail, settings), starters),
                                CompletableFuture.supplyAsync(() -> ChildProcessSuhbat.start(data, openAi, mail, settings), starters));
                        for (CompletableFuture<ChildProcessSuhbat> node : starting) {
                            try {
                                nodes.add(node.join());
                            } catch (RuntimeException failed) {
                                System.out.println("a node did not start: " + failed.getMessage());
                            }
                        }
                    }
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    try {
                        assertThat(nodes).as("nodes up").hasSize(2);
                        for (ChildProcessSuhbat node : nodes) {
                            AccountsDriver admin = new AccountsDriver(node.url(""), mail);
                            admin.submit("/admin/login", "/admin/login", "username", EndToEndTest.ADMIN_USERNAME, "password",
                                    EndToEndTest.ADMIN_PASSWORD);
                            assertThat(admin.get("/admin").statusCode()).as("the admin signs in on " + node.url("")).isEqualTo(200);
                        }
                        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + database.port() + "/suhbat_start_"
                                + round, database.user(), database.password());
                             ResultSet admins = connection.createStatement().executeQuery("select count(*) from admin where main")) {
                            admins.next();
                            assertThat(admins.getLong(1)).as("main admins").isEqualTo(1);
                        }
                        passed++;
                        outcome = "ok";
                    } catch (AssertionError | RuntimeException | java.sql.SQLException e) {
                        outcome = "FAILED: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                    } finally {
                        nodes.forEach(ChildProcessSuhbat::close);
                    }
                    report.add("round " + round + ": " + outcome + ", both started in " + took.toMillis() + " ms, load average "
                            + loadAverage());
                    System.out.println(report.getLast());
                    // so far, so that a run cut short still leaves its rounds
                    write(passed, round, report);
                }
            } finally {
                mail.stop();
            }
        } finally {
            System.out.println(write(passed, report.size(), report));
            StandaloneSuhbat.deleteQuietly(data);
        }
        assertThat(passed).isEqualTo(ROUNDS);
    }

    private static String write(int passed, int rounds, List<String> report) throws java.io.IOException {
        String summary = passed + " of " + rounds + " rounds (of " + ROUNDS + " planned): both nodes up on an empty database\n"
                + String.join("\n", report) + "\n";
        Files.writeString(Path.of("target", "benchmark-parallel-start.txt"), summary);
        return summary;
    }

    /** The 1-minute load average (Linux), beside each figure: the machine is shared. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

}

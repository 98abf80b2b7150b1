package uz.suhbat.e2e;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.bootstrap.TestDatabaseServer;

/**
 * Several Suhbat nodes on one MariaDB server and one shared FILES_DIR, behind a round-robin proxy:
 * the way a school runs Suhbat on more than one machine. The nodes start at the same time.
 */
final class Cluster implements AutoCloseable {

    private final Path data;
    private final TestDatabaseServer database;
    private final List<StandaloneSuhbat> nodes;
    private final RoundRobinProxy proxy;

    private Cluster(Path data, TestDatabaseServer database, List<StandaloneSuhbat> nodes, RoundRobinProxy proxy) {
        this.data = data;
        this.database = database;
        this.nodes = nodes;
        this.proxy = proxy;
    }

    /** {@code settings}: more KEY=VALUE settings for every node. */
    static Cluster start(String name, int size, FakeOpenAi openAi, GreenMail mail, String forwardedProto, String... settings) {
        Path data = StandaloneSuhbat.newDataFolder(name);
        TestDatabaseServer database = TestDatabaseServer.start(data.resolve("mysql"));
        try {
            List<String> all = new ArrayList<>(List.of("MYSQL_HOST=127.0.0.1", "MYSQL_PORT=" + database.port(), "MYSQL_USER=" + database.user(),
                    "MYSQL_PASSWORD=" + database.password(), "MYSQL_DATABASE=suhbat", "TRUSTED_PROXIES=127.0.0.1/8,::1/128",
                    "REGISTRATIONS_PER_ADDRESS=20"));
            all.addAll(List.of(settings));
            String[] nodeSettings = all.toArray(String[]::new);
            List<StandaloneSuhbat> nodes;
            try (var starters = Executors.newVirtualThreadPerTaskExecutor()) {
                // together on one database (Flyway, the main admin, the cluster jobs race as on real machines); only the
                // JVM-wide logging set-up of the first node goes first, which separate machines do not share
                java.util.concurrent.CountDownLatch loggingReady = new java.util.concurrent.CountDownLatch(1);
                List<CompletableFuture<StandaloneSuhbat>> starting = IntStream.range(0, size)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                            if (i == 0) {
                                return StandaloneSuhbat.start(data, openAi, mail, loggingReady::countDown, nodeSettings);
                            }
                            try {
                                loggingReady.await(5, java.util.concurrent.TimeUnit.MINUTES);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return StandaloneSuhbat.start(data, openAi, mail, nodeSettings);
                        }, starters))
                        .toList();
                nodes = starting.stream().map(CompletableFuture::join).toList();
            }
            RoundRobinProxy proxy = new RoundRobinProxy(nodes.stream().map(node -> node.url("")).toList(), forwardedProto);
            return new Cluster(data, database, nodes, proxy);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The address of the load balancer. */
    String url(String path) {
        return proxy.url(path);
    }

    StandaloneSuhbat node(int i) {
        return nodes.get(i);
    }

    RoundRobinProxy proxy() {
        return proxy;
    }

    int databasePort() {
        return database.port();
    }

    Path filesDir() {
        return data.resolve("file");
    }

    @Override
    public void close() {
        proxy.close();
        nodes.forEach(StandaloneSuhbat::close);
        database.close();
        StandaloneSuhbat.deleteQuietly(data);
    }
}

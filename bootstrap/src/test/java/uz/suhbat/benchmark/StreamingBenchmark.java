package uz.suhbat.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.adapter.out.persistence.TransactionConnections;
import uz.suhbat.e2e.AccountsDriver;
import uz.suhbat.e2e.EndToEndTest;

/**
 * Streaming benchmark (not a timed test; run on demand, see docs/benchmarks.md):
 * 1. time to first token that Suhbat adds over the fake upstream's own, over sequential requests,
 *    the upstream asked directly with exactly the request body Suhbat sends it;
 * 2. 500 answers streaming at once: errors, added latency (p50/p95), where it goes, and memory.
 * Results are printed and written to bootstrap/target/benchmark-streaming.txt. With
 * {@code -Dsuhbat.benchmark.jfr=true} both parts are also recorded with JFR into bootstrap/target.
 */
@Tag("benchmark")
class StreamingBenchmark extends EndToEndTest {

    /** The first thousand or so requests still run partly in the interpreter and C1; a warm app is what users meet. */
    private static final int WARM_UP = 1000;
    private static final int ROUNDS = 3;
    private static final int SEQUENTIAL = 200;
    private static final int CONCURRENT = 500;
    private static final int PIECES = 20;
    private static final Duration PIECE_DELAY = Duration.ofMillis(50);
    private static final boolean JFR = Boolean.getBoolean("suhbat.benchmark.jfr");

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionConnections transactionConnections;

    @Test
    void streaming() throws Exception {
        AccountsDriver user = new AccountsDriver(url(""), MAIL);
        user.register("bencher", "bencher@example.uz", "a long benchmark passphrase");
        user.get(user.linkPathMailedTo("bencher@example.uz"));
        user.login("bencher", "a long benchmark passphrase");
        String csrf = user.csrfToken();
        HttpClient app = user.client();
        HttpClient direct = HttpClient.newHttpClient();
        List<String> report = new ArrayList<>();

        // warm up both paths; then ask the upstream directly with the very body Suhbat sent it
        String upstreamBody = null;
        for (int i = 0; i < WARM_UP; i++) {
            OPENAI.enqueue(Reply.answer("warm up answer", 3, Duration.ZERO), Reply.answer("warm up answer", 3, Duration.ZERO));
            firstToken(app, appRequest(csrf, i));
            upstreamBody = OPENAI.requests().getLast().body().toString();
            firstToken(direct, directRequest(null));
        }

        Recording sequentialJfr = startJfr();
        long statementsBefore = statementsAtServer();
        List<Double> allAdded = new ArrayList<>();
        List<Double> allChat = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            List<Double> viaSuhbat = new ArrayList<>();
            List<Double> upstreamOnly = new ArrayList<>();
            List<Double> chatEvent = new ArrayList<>();
            for (int i = 0; i < SEQUENTIAL; i++) {
                OPENAI.enqueue(Reply.answer("one two three four five", 5, Duration.ZERO),
                        Reply.answer("one two three four five", 5, Duration.ZERO));
                upstreamOnly.add(firstToken(direct, directRequest(upstreamBody)).first());
                FirstToken through = firstToken(app, appRequest(csrf, round * 1000 + i));
                viaSuhbat.add(through.first());
                chatEvent.add(through.chat());
            }
            double added = median(viaSuhbat) - median(upstreamOnly);
            allAdded.add(added);
            allChat.addAll(chatEvent);
            report.add(String.format("time to first token, round %d, %d sequential new chats: upstream alone median %.2f ms; through Suhbat "
                            + "median %.2f ms (p25 %.2f, p75 %.2f, p95 %.2f); added by Suhbat: median %.2f ms; the chat event (message "
                            + "stored, model not yet called) after median %.2f ms", round, SEQUENTIAL, median(upstreamOnly),
                    median(viaSuhbat), percentile(viaSuhbat, 25), percentile(viaSuhbat, 75), percentile(viaSuhbat, 95), added,
                    median(chatEvent)));
        }
        stopJfr(sequentialJfr, "benchmark-ttft.jfr");
        double statementsPerChat = (statementsAtServer() - statementsBefore) / (double) (ROUNDS * SEQUENTIAL);
        report.add(String.format("time to first token added by Suhbat, %d rounds: medians %s ms; the chat event after median %.2f ms overall; "
                        + "%.1f statements at the database per new chat (its message and its answer, with the session check)",
                ROUNDS, allAdded.stream().map(v -> String.format("%.2f", v)).toList(), median(allChat), statementsPerChat));

        burst(app, csrf, report);
        report.add("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores, load average before the "
                + "burst " + String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        report.forEach(System.out::println);
        Files.write(Path.of("target/benchmark-streaming.txt"), report);
        assertThat(OPENAI.violations()).isEmpty();
    }

    /** 500 at once: each answer takes PIECES x PIECE_DELAY at the upstream. */
    private void burst(HttpClient app, String csrf, List<String> report) throws Exception {
        for (int i = 0; i < CONCURRENT; i++) {
            OPENAI.enqueue(Reply.answer("a".repeat(PIECES * 4), PIECES, PIECE_DELAY));
        }
        long upstreamDuration = PIECE_DELAY.toMillis() * PIECES;
        List<Double> addedLatency = Collections.synchronizedList(new ArrayList<>());
        List<Double> chatAt = Collections.synchronizedList(new ArrayList<>());
        List<Double> firstAt = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong peakHeap = new AtomicLong();
        AtomicLong peakWaiting = new AtomicLong();
        AtomicLong peakThreads = new AtomicLong();
        HikariPoolMXBean pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
        HikariPoolMXBean writePool = ((HikariDataSource) transactionConnections.dataSource()).getHikariPoolMXBean();
        AtomicLong peakWaitingForWrite = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int threadsBefore = threads.getThreadCount();
        var heap = ManagementFactory.getMemoryMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> sampling = CompletableFuture.runAsync(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(heap.getHeapMemoryUsage().getUsed(), Math::max);
                peakWaiting.accumulateAndGet(pool.getThreadsAwaitingConnection(), Math::max);
                peakWaitingForWrite.accumulateAndGet(writePool.getThreadsAwaitingConnection(), Math::max);
                peakThreads.accumulateAndGet(threads.getThreadCount(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, sampler);
        Recording burstJfr = startJfr();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            int n = i;
            all.add(CompletableFuture.runAsync(() -> {
                try {
                    long t0 = System.nanoTime();
                    HttpResponse<InputStream> response = app.send(appRequest(csrf, 100_000 + n), HttpResponse.BodyHandlers.ofInputStream());
                    double chat = -1;
                    double first = -1;
                    boolean done = false;
                    boolean failed = false;
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            double at = (System.nanoTime() - t0) / 1e6;
                            if (chat < 0 && line.startsWith("event:chat")) {
                                chat = at;
                            } else if (first < 0 && line.startsWith("event:delta")) {
                                first = at;
                            }
                            done |= line.startsWith("event:done");
                            failed |= line.startsWith("event:error");
                        }
                    }
                    double total = (System.nanoTime() - t0) / 1e6;
                    if (response.statusCode() != 200 || !done || failed) {
                        errors.incrementAndGet();
                    } else {
                        addedLatency.add(total - upstreamDuration);
                        chatAt.add(chat);
                        firstAt.add(first);
                    }
                } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                }
            }, clients));
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        } catch (TimeoutException stuck) {
            // an answer that never ends is an error, not a reason to wait forever
            errors.addAndGet(all.stream().filter(answer -> !answer.isDone()).count());
        }
        double wall = (System.nanoTime() - started) / 1e6;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e6;
        stopJfr(burstJfr, "benchmark-burst.jfr");
        sampling.cancel(true);
        sampler.shutdownNow();
        clients.shutdownNow();
        report.add(String.format("%d concurrent new chats (upstream streams each for %d ms): %d errors, wall %.0f ms; added latency per answer "
                        + "p50 %.1f ms, p95 %.1f ms; peak heap %d MiB; process RSS %s (app, embedded clients and fake in one JVM)",
                CONCURRENT, upstreamDuration, errors.get(), wall, percentile(addedLatency, 50), percentile(addedLatency, 95),
                peakHeap.get() / (1024 * 1024), rss()));
        report.add(String.format("  the chat event (message stored) after p50 %.1f ms, p95 %.1f ms; the first piece after p50 %.1f ms, p95 %.1f ms",
                percentile(chatAt, 50), percentile(chatAt, 95), percentile(firstAt, 50), percentile(firstAt, 95)));
        report.add(String.format("  database: main pool %d connections, at most %d requests waiting for one; write-transaction pool %d, at most "
                        + "%d waiting; platform threads %d before, at most %d during; CPU of the test JVM %.0f ms (%.1f ms per answer, app, "
                        + "fake and clients together)", pool.getTotalConnections(), peakWaiting.get(), writePool.getTotalConnections(),
                peakWaitingForWrite.get(), threadsBefore, peakThreads.get(), cpu, cpu / CONCURRENT));
        assertThat(errors.get()).isZero();
    }

    /** MariaDB's count of statements received from clients. */
    private long statementsAtServer() throws java.sql.SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             var result = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            result.next();
            return result.getLong(2);
        }
    }

    private HttpRequest appRequest(String csrf, int n) {
        return HttpRequest.newBuilder(URI.create(url("/api/chats")))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .header("X-CSRF-TOKEN", csrf)
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"content\":\"Question " + n + "\"}"))
                .build();
    }

    /** {@code body} null: a minimal streaming request, for the warm-up. */
    private static HttpRequest directRequest(String body) {
        return HttpRequest.newBuilder(URI.create(OPENAI.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + OPENAI_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body != null ? body
                        : "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Question\"}],\"stream\":true,"
                                + "\"stream_options\":{\"include_usage\":true}}"))
                .build();
    }

    /** Milliseconds from sending until the chat event (-1 if none) and until the first piece of answer text. */
    private record FirstToken(double chat, double first) {
    }

    /** Reads the whole stream, noting when the chat event and the first piece of answer text arrived. */
    private static FirstToken firstToken(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        double chat = -1;
        double first = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (chat < 0 && line.startsWith("event:chat")) {
                    chat = (System.nanoTime() - t0) / 1e6;
                }
                // Suhbat's delta event, or the upstream's first chunk with text (its first chunk only names the role)
                if (first < 0 && (line.startsWith("event:delta") || line.contains("\"content\":\"") && !line.contains("\"content\":\"\""))) {
                    first = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        assertThat(first).as("a first token arrived").isPositive();
        return new FirstToken(chat, first);
    }

    private static Recording startJfr() throws Exception {
        if (!JFR) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
        recording.start();
        return recording;
    }

    private static void stopJfr(Recording recording, String file) throws IOException {
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of("target", file));
            recording.close();
        }
    }

    private static double median(List<Double> values) {
        return percentile(values, 50);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static String rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return line.substring(6).strip();
            }
        }
        return "unknown";
    }
}

package uz.suhbat.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.e2e.AccountsDriver;
import uz.suhbat.e2e.EndToEndTest;

/**
 * Streaming benchmark (not a timed test; run on demand, see docs/benchmarks.md):
 * 1. time to first token that Suhbat adds over the fake upstream's own, over sequential requests;
 * 2. 500 answers streaming at once: errors, added latency (p50/p95) and memory.
 * Results are printed and written to bootstrap/target/benchmark-streaming.txt.
 */
@Tag("benchmark")
class StreamingBenchmark extends EndToEndTest {

    private static final int SEQUENTIAL = 200;
    private static final int CONCURRENT = 500;
    private static final int PIECES = 20;
    private static final Duration PIECE_DELAY = Duration.ofMillis(50);

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

        // warm up both paths
        for (int i = 0; i < 30; i++) {
            OPENAI.enqueue(Reply.answer("warm up answer", 3, Duration.ZERO), Reply.answer("warm up answer", 3, Duration.ZERO));
            firstTokenMillis(app, appRequest(csrf, i));
            firstTokenMillis(direct, directRequest());
        }

        List<Double> viaSuhbat = new ArrayList<>();
        List<Double> upstreamOnly = new ArrayList<>();
        firstEvents.clear();
        for (int i = 0; i < SEQUENTIAL; i++) {
            OPENAI.enqueue(Reply.answer("one two three four five", 5, Duration.ZERO), Reply.answer("one two three four five", 5, Duration.ZERO));
            upstreamOnly.add(firstTokenMillis(direct, directRequest()));
            viaSuhbat.add(firstTokenMillis(app, appRequest(csrf, 1000 + i)));
        }
        double added = median(viaSuhbat) - median(upstreamOnly);
        report.add(String.format("time to first token, %d sequential answers: upstream alone median %.2f ms, through Suhbat median %.2f ms "
                + "(p95 %.2f ms); added by Suhbat: median %.2f ms; the stream's first event (the new chat, sent before the model is "
                + "called) arrives after median %.2f ms", SEQUENTIAL, median(upstreamOnly), median(viaSuhbat),
                percentile(viaSuhbat, 95), added, median(firstEvents)));

        // 500 at once: each answer takes PIECES x PIECE_DELAY at the upstream
        for (int i = 0; i < CONCURRENT; i++) {
            OPENAI.enqueue(Reply.answer("a".repeat(PIECES * 4), PIECES, PIECE_DELAY));
        }
        long upstreamDuration = PIECE_DELAY.toMillis() * PIECES;
        List<Double> addedLatency = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong peakHeap = new AtomicLong();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        var heap = ManagementFactory.getMemoryMXBean();
        CompletableFuture<Void> sampling = CompletableFuture.runAsync(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(heap.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, sampler);
        long started = System.nanoTime();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            int n = i;
            all.add(CompletableFuture.runAsync(() -> {
                try {
                    long t0 = System.nanoTime();
                    HttpResponse<InputStream> response = app.send(appRequest(csrf, 5000 + n), HttpResponse.BodyHandlers.ofInputStream());
                    String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                    double total = (System.nanoTime() - t0) / 1e6;
                    if (response.statusCode() != 200 || !body.contains("event:done") || body.contains("event:error")) {
                        errors.incrementAndGet();
                    } else {
                        addedLatency.add(total - upstreamDuration);
                    }
                } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                }
            }, clients));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double wall = (System.nanoTime() - started) / 1e6;
        sampling.cancel(true);
        sampler.shutdownNow();
        clients.shutdown();
        report.add(String.format("%d concurrent answers (upstream streams each for %d ms): %d errors, wall %.0f ms; added latency per answer "
                + "p50 %.1f ms, p95 %.1f ms; peak heap %d MiB; process RSS %s (app, embedded clients and fake in one JVM)",
                CONCURRENT, upstreamDuration, errors.get(), wall, percentile(addedLatency, 50), percentile(addedLatency, 95),
                peakHeap.get() / (1024 * 1024), rss()));
        report.add("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores");

        report.forEach(System.out::println);
        Files.write(Path.of("target/benchmark-streaming.txt"), report);
        assertThat(errors.get()).isZero();
        assertThat(OPENAI.violations()).isEmpty();
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

    private static HttpRequest directRequest() {
        return HttpRequest.newBuilder(URI.create(OPENAI.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + OPENAI_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Question\"}],\"stream\":true,"
                                + "\"stream_options\":{\"include_usage\":true}}"))
                .build();
    }

    private static final List<Double> firstEvents = Collections.synchronizedList(new ArrayList<>());

    /** Milliseconds from sending until the first piece of answer text arrives; the rest is read and dropped. */
    private static double firstTokenMillis(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        double first = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            boolean sawEvent = false;
            while ((line = lines.readLine()) != null) {
                if (!sawEvent && line.startsWith("event:chat")) {
                    sawEvent = true;
                    firstEvents.add((System.nanoTime() - t0) / 1e6);
                }
                if (first < 0 && (line.startsWith("event:delta") || line.contains("\"content\":\"") && !line.contains("\"content\":\"\""))) {
                    first = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        assertThat(first).as("a first token arrived").isPositive();
        return first;
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

package uz.suhbat.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.e2e.AccountsDriver;

/**
 * Streaming measured from outside (bench/streaming.sh; docs/benchmarks.md, "Chat streaming from outside"):
 * the built jar ({@code bootstrap/target/suhbat.jar}) runs as a process of its own, with the JVM options of
 * {@code ./run.sh}; this JVM holds the fake upstream, the mail server and the clients. Every request opens a
 * new TCP connection and closes it ({@code Connection: close}), as browsers behind a proxy do.
 * <ol>
 * <li>Time to first token: new chats one after the other, each interleaved with the same request sent to the
 * upstream alone (the very body Suhbat sent it); added = through Suhbat minus upstream alone, p50 and p99.</li>
 * <li>Sustained load: {@code RATE} new chats per second for {@code SECONDS} s, each answer streaming 20 pieces
 * one second apart (20 s), so that about {@code RATE} x 20 answers are open at once: errors, time to first
 * token beyond the upstream's own first second (p50, p95, p99), the app's resident memory and CPU.</li>
 * </ol>
 */
@Tag("benchmark")
class OutsideStreamingBenchmark {

    private static final String KEY = "sk-bench-outside-0123456789";
    private static final int WARM_UP = Integer.getInteger("suhbat.benchmark.warmup", 500);
    private static final int SEQUENTIAL = Integer.getInteger("suhbat.benchmark.sequential", 300);
    private static final int RATE = Integer.getInteger("suhbat.benchmark.rate", 50);
    private static final int SECONDS = Integer.getInteger("suhbat.benchmark.seconds", 40);
    private static final int PIECES = 20;
    private static final Duration PIECE_DELAY = Duration.ofSeconds(1);
    private static final String TITLE_MODEL = "bench-title-model";

    @Test
    void streamingFromOutside() throws Exception {
        Path jar = Path.of("target", "suhbat.jar").toAbsolutePath();
        assertThat(jar).as("build the jar first: ./mvnw -DskipTests package (bench/streaming.sh does)").exists();
        List<String> report = new ArrayList<>();
        Path data = Files.createTempDirectory(Path.of("target"), "bench-outside");
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (FakeOpenAi openAi = FakeOpenAi.start()) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            String options = System.getProperty("suhbat.benchmark.jvmOptions", "").strip();
            if (!options.isEmpty()) {
                command.addAll(List.of(options.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("app.log").toFile());
            var env = builder.environment();
            env.put("SERVER_PORT", String.valueOf(port));
            env.put("EMBEDDED_DB_DIR", data.resolve("mysql").toString());
            env.put("EMBEDDED_DB_PORT", "0");
            env.put("FILES_DIR", data.resolve("file").toString());
            env.put("ADMIN_USERNAME", "boss");
            env.put("ADMIN_PASSWORD", "bench-Admin-Password-42");
            env.put("ADMIN_EMAIL", "boss@example.uz");
            env.put("MAIL_HOST", "127.0.0.1");
            env.put("MAIL_PORT", String.valueOf(mail.getSmtp().getPort()));
            env.put("MAIL_FROM", "Suhbat <no-reply@suhbat.test>");
            // the links in mails start with it, as AccountsDriver expects; requests go to localhost:port
            env.put("APP_BASE_URL", uz.suhbat.e2e.EndToEndTest.BASE_URL);
            env.put("OPENAI_API_KEY", KEY);
            env.put("OPENAI_BASE_URL", openAi.baseUrl());
            env.put("OPENAI_MODELS", "gpt-4o-mini");
            // every new chat's first answer is followed by a title request (ModelTitles): answered by a route of its own,
            // so that it neither takes a reply scripted for a chat nor the "upstream alone" of a pair
            env.put("TITLE_MODEL", TITLE_MODEL);
            openAi.route(TITLE_MODEL, request -> Reply.answer("Bench title"));
            env.put("REGISTRATIONS_PER_ADDRESS", "100000");
            Process app = builder.start();
            try {
                String root = "http://localhost:" + port;
                waitForHealth(root, app, data);
                report.add("app: pid " + app.pid() + ", " + String.join(" ", command.subList(1, command.size())));
                AccountsDriver user = new AccountsDriver(root, mail);
                user.register("bencher", "bencher@example.uz", "a long benchmark passphrase");
                user.get(user.linkPathMailedTo("bencher@example.uz"));
                user.login("bencher", "a long benchmark passphrase");
                Client client = new Client(port, "JSESSIONID=" + user.cookie("JSESSIONID"), user.csrfToken());
                report.add(String.format("idle after sign-in: app RSS %d MB", rssKb(app.pid()) / 1024));
                firstTokens(client, openAi, report);
                sustained(client, openAi, app.pid(), report);
                report.add("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores, load average at the end "
                        + Files.readString(Path.of("/proc/loadavg")).strip());
            } finally {
                app.destroy();
                if (!app.waitFor(60, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
                mail.stop();
                report.forEach(System.out::println);
                Files.write(Path.of("target", "benchmark-streaming-outside.txt"), report);
            }
            assertThat(openAi.violations()).isEmpty();
        }
    }

    private static void firstTokens(Client client, FakeOpenAi openAi, List<String> report) throws Exception {
        String body = null;
        for (int i = 0; i < WARM_UP; i++) {
            openAi.enqueue(Reply.answer("warm up answer", 3, Duration.ZERO), Reply.answer("warm up answer", 3, Duration.ZERO));
            client.newChat("Warm up " + i);
            body = openAi.requests().getLast().body().toString();
            client.upstream(openAi, body);
        }
        List<Double> added = new ArrayList<>();
        List<Double> through = new ArrayList<>();
        List<Double> alone = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < SEQUENTIAL; i++) {
            openAi.enqueue(Reply.answer("one two three four five", 5, Duration.ZERO), Reply.answer("one two three four five", 5, Duration.ZERO));
            double direct = client.upstream(openAi, body).first();
            FirstToken chat = client.newChat("Question " + i);
            if (direct < 0 || chat.first() < 0 || !chat.done()) {
                failed++; // counted and left out: a pair without both first tokens has no difference
                continue;
            }
            double suhbat = chat.first();
            alone.add(direct);
            through.add(suhbat);
            added.add(suhbat - direct);
        }
        report.add(String.format("time to first token, %d new chats one after the other, each on a new connection, interleaved with the "
                        + "upstream alone (%d warm-up pairs first):", SEQUENTIAL, WARM_UP));
        report.add(String.format("  upstream alone p50 %.2f ms, p99 %.2f ms; through Suhbat p50 %.2f ms, p99 %.2f ms",
                percentile(alone, 50), percentile(alone, 99), percentile(through, 50), percentile(through, 99)));
        report.add(String.format("  added by Suhbat (pairwise): p50 %.2f ms, p99 %.2f ms (targets 5 and 20 ms); ratio of the medians "
                + "through / alone %.2f", percentile(added, 50), percentile(added, 99), percentile(through, 50) / percentile(alone, 50)));
        report.add(String.format("  pairs without both first tokens (left out): %d", failed));
    }

    private static void sustained(Client client, FakeOpenAi openAi, long pid, List<String> report) throws Exception {
        int total = RATE * SECONDS;
        for (int i = 0; i < total; i++) {
            openAi.enqueue(Reply.answer("a".repeat(PIECES * 4), PIECES, PIECE_DELAY));
        }
        long rssBefore = rssKb(pid);
        long cpuBefore = cpuTicks(pid);
        List<Double> added = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger peakOpen = new AtomicInteger();
        AtomicLong peakRss = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
             ExecutorService sampler = Executors.newSingleThreadExecutor()) {
            sampler.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakRss.accumulateAndGet(rssKb(pid), Math::max);
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return null;
                    }
                }
                return null;
            });
            for (int i = 0; i < total; i++) {
                // the i-th chat starts i / RATE seconds after the first: a steady arrival, not a burst
                long due = started + (long) (i * 1e9 / RATE);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int n = i;
                clients.submit(() -> {
                    peakOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                    try {
                        FirstToken answer = client.newChat("Load " + n);
                        if (!answer.done() || answer.failed()) {
                            errors.incrementAndGet();
                            failures.add("chat " + n + ": status " + answer.status() + (answer.failed() ? ", error event" : ", no done event"));
                        } else {
                            added.add(answer.first() - PIECE_DELAY.toMillis());
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        failures.add("chat " + n + ": " + e);
                    } finally {
                        open.decrementAndGet();
                    }
                    return null;
                });
            }
            clients.shutdown();
            if (!clients.awaitTermination(5, TimeUnit.MINUTES)) {
                errors.addAndGet(open.get());
            }
            sampler.shutdownNow();
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double cpuMs = (cpuTicks(pid) - cpuBefore) * 1000.0 / 100; // USER_HZ = 100 on Linux
        report.add(String.format("sustained: %d new chats per second for %d s (%d chats), each answer streaming %d pieces %d ms apart; at most %d "
                        + "open at once; %d errors; wall %.1f s", RATE, SECONDS, total, PIECES, PIECE_DELAY.toMillis(), peakOpen.get(),
                errors.get(), wall));
        report.add(String.format("  time to first token beyond the upstream's own %d ms: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (target p95 50 ms)",
                PIECE_DELAY.toMillis(), percentile(added, 50), percentile(added, 95), percentile(added, 99)));
        report.add(String.format("  app RSS %d MB before, at most %d MB during: %.1f kB per open answer; app CPU %.0f ms, %.2f ms per chat",
                rssBefore / 1024, peakRss.get() / 1024, (peakRss.get() - rssBefore) / (double) Math.max(1, peakOpen.get()), cpuMs, cpuMs / total));
        failures.stream().limit(10).forEach(f -> report.add("  failed: " + f));
    }

    private record FirstToken(int status, double first, boolean done, boolean failed) {
    }

    /** HTTP/1.1 over a new socket per request, closed after the response: no connection pool anywhere. */
    private record Client(int port, String cookie, String csrf) {

        FirstToken newChat(String question) throws IOException {
            String json = "{\"model\":\"gpt-4o-mini\",\"content\":\"" + question + "\"}";
            return exchange(port, "POST /api/chats HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Accept: text/event-stream\r\nCookie: " + cookie + "\r\nX-CSRF-TOKEN: " + csrf + "\r\n", json, "event:delta");
        }

        FirstToken upstream(FakeOpenAi openAi, String body) throws IOException {
            URI base = URI.create(openAi.baseUrl());
            return exchange(base.getPort(), "POST " + base.getPath() + "/chat/completions HTTP/1.1\r\nHost: localhost:" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nAuthorization: Bearer " + KEY + "\r\n", body, "\"content\":\"");
        }

        private static FirstToken exchange(int port, String head, String body, String firstMark) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(120_000);
                OutputStream out = socket.getOutputStream();
                out.write((head + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String status = in.readLine();
                int code = status == null ? 0 : Integer.parseInt(status.split(" ")[1]);
                double first = -1;
                boolean done = false;
                boolean failed = false;
                String line;
                while ((line = in.readLine()) != null) {
                    // the upstream's first chunk only names the role; its first text is the first token
                    if (first < 0 && line.contains(firstMark) && !line.contains("\"content\":\"\"")) {
                        first = (System.nanoTime() - t0) / 1e6;
                    }
                    done |= line.startsWith("event:done") || line.startsWith("data: [DONE]");
                    failed |= line.startsWith("event:error");
                }
                return new FirstToken(code, first, done, failed);
            }
        }
    }

    private static void waitForHealth(String root, Process app, Path data) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        var http = java.net.http.HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the app runs (see " + data.resolve("app.log") + ")").isTrue();
            try {
                var response = http.send(java.net.http.HttpRequest.newBuilder(URI.create(root + "/actuator/health")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no health UP within 10 minutes, see " + data.resolve("app.log"));
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    /** utime + stime of the process, in clock ticks. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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
}

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
    /**
     * Seconds of the same sustained load before the measured part ({@code SUSTAINED_WARMUP}); the measured chats follow
     * without a pause, so they meet the answers of the warm-up still open (a server in the middle of a busy hour).
     */
    private static final int SUSTAINED_WARM_UP = Integer.getInteger("suhbat.benchmark.sustainedWarmup", 0);
    private static final int PIECES = 20;
    private static final Duration PIECE_DELAY = Duration.ofSeconds(1);
    private static final String TITLE_MODEL = "bench-title-model";

    @Test
    void streamingFromOutside() throws Exception {
        Path jar = Path.of(System.getProperty("suhbat.benchmark.jar", "target/suhbat.jar")).toAbsolutePath();
        assertThat(jar).as("build the jar first: ./mvnw -DskipTests package (bench/streaming.sh does)").exists();
        String compareWith = System.getProperty("suhbat.benchmark.compare", "").strip();
        Path other = compareWith.isEmpty() ? null : Path.of(compareWith).toAbsolutePath();
        if (other != null) {
            assertThat(other).as("the jar to compare with").exists();
        }
        List<String> report = new ArrayList<>();
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        List<App> apps = new ArrayList<>();
        try (FakeOpenAi openAi = FakeOpenAi.start()) {
            // every new chat's first answer is followed by a title request (ModelTitles): answered by a route of its own,
            // so that it neither takes a reply scripted for a chat nor the "upstream alone" of a pair
            openAi.route(TITLE_MODEL, request -> Reply.answer("Bench title"));
            try {
                if (other == null) {
                    apps.add(App.start("app", jar, openAi, mail));
                } else {
                    // started side by side: each start takes a minute or more on a busy machine
                    try (ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor()) {
                        var a = starts.submit(() -> App.start("A", jar, openAi, mail));
                        var b = starts.submit(() -> App.start("B", other, openAi, mail,
                                System.getProperty("suhbat.benchmark.compareOptions", "")));
                        Exception failure = null;
                        for (var started : List.of(a, b)) {
                            try {
                                apps.add(started.get()); // stopped below, whatever happens to the other
                            } catch (java.util.concurrent.ExecutionException e) {
                                failure = e;
                            }
                        }
                        if (failure != null) {
                            throw failure;
                        }
                    }
                }
                for (App app : apps) {
                    report.add(app.label + ": pid " + app.process.pid() + ", " + app.jar + ", " + String.join(" ", app.options));
                    report.add(String.format("  idle after sign-in: app RSS %d MB", rssKb(app.process.pid()) / 1024));
                }
                firstTokens(apps, openAi, report);
                if (other != null) {
                    report.add("sustained: not run when two jars are compared (run the chosen jar alone)");
                } else if (RATE * SECONDS > 0) {
                    sustained(apps.getFirst().client, openAi, apps.getFirst().process.pid(), report);
                } else {
                    report.add("sustained: not run (DURATION=0)");
                }
                report.add("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores, load average at the end "
                        + Files.readString(Path.of("/proc/loadavg")).strip());
            } finally {
                for (App app : apps) {
                    try {
                        app.stop();
                    } catch (Exception e) {
                        report.add(app.label + ": not cleaned up after its stop: " + e);
                    }
                }
                mail.stop();
                report.forEach(System.out::println);
                Files.write(Path.of("target", "benchmark-streaming-outside.txt"), report);
            }
            assertThat(openAi.violations()).isEmpty();
        }
    }

    /** One Suhbat process on a fresh embedded database, with a signed-in user. */
    private static final class App {
        final String label;
        final Path jar;
        final List<String> options;
        final Process process;
        final Client client;
        /** the app's data folder (embedded database, files), about 0.5 GB: deleted at its stop, its log kept */
        final Path data;

        private App(String label, Path jar, List<String> options, Process process, Client client, Path data) {
            this.label = label;
            this.jar = jar;
            this.options = options;
            this.process = process;
            this.client = client;
            this.data = data;
        }

        static App start(String label, Path jar, FakeOpenAi openAi, GreenMail mail) throws Exception {
            return start(label, jar, openAi, mail, "");
        }

        /** @param extraOptions JVM options after the common ones (COMPARE_OPTIONS: B's own, to compare settings with one jar) */
        static App start(String label, Path jar, FakeOpenAi openAi, GreenMail mail, String extraOptions) throws Exception {
            Path data = Files.createTempDirectory(Path.of("target"), "bench-outside");
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            String options = (System.getProperty("suhbat.benchmark.jvmOptions", "") + " " + extraOptions).strip();
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
            env.put("ADMIN_EMAIL", "boss-" + label.toLowerCase(java.util.Locale.ROOT) + "@example.uz");
            env.put("MAIL_HOST", "127.0.0.1");
            env.put("MAIL_PORT", String.valueOf(mail.getSmtp().getPort()));
            env.put("MAIL_FROM", "Suhbat <no-reply@suhbat.test>");
            // the links in mails start with it, as AccountsDriver expects; requests go to localhost:port
            env.put("APP_BASE_URL", uz.suhbat.e2e.EndToEndTest.BASE_URL);
            env.put("OPENAI_API_KEY", KEY);
            env.put("OPENAI_BASE_URL", openAi.baseUrl());
            env.put("OPENAI_MODELS", "gpt-4o-mini");
            env.put("TITLE_MODEL", TITLE_MODEL);
            env.put("REGISTRATIONS_PER_ADDRESS", "100000");
            Process app = builder.start();
            try {
                String root = "http://localhost:" + port;
                waitForHealth(root, app, data);
                AccountsDriver user = new AccountsDriver(root, mail);
                String address = "bencher-" + label.toLowerCase(java.util.Locale.ROOT) + "@example.uz";
                user.register("bencher", address, "a long benchmark passphrase");
                user.get(user.linkPathMailedTo(address));
                user.login("bencher", "a long benchmark passphrase");
                Client client = new Client(port, "JSESSIONID=" + user.cookie("JSESSIONID"), user.csrfToken());
                return new App(label, jar, command.subList(1, command.size() - 2), app, client, data);
            } catch (Exception | Error e) {
                app.destroyForcibly();
                throw e;
            }
        }

        void stop() throws Exception {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            Files.copy(data.resolve("app.log"), Path.of("target", "benchmark-streaming-outside-" + label + ".log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (var paths = Files.walk(data)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /**
     * New chats one after the other, each paired with the upstream alone; with two jars, each round asks the upstream alone and
     * both apps, the apps' order alternating from round to round, so that neither is always the one right after the upstream.
     */
    private static void firstTokens(List<App> apps, FakeOpenAi openAi, List<String> report) throws Exception {
        String body = null;
        for (int i = 0; i < WARM_UP; i++) {
            for (App app : apps) {
                openAi.enqueue(Reply.answer("warm up answer", 3, Duration.ZERO), Reply.answer("warm up answer", 3, Duration.ZERO));
                app.client.newChat("Warm up " + i);
                body = openAi.requests().getLast().body().toString();
                app.client.upstream(openAi, body);
            }
        }
        int n = apps.size();
        List<List<Double>> added = new ArrayList<>();
        List<List<Double>> through = new ArrayList<>();
        List<List<Double>> head = new ArrayList<>();
        List<List<Double>> chatEvent = new ArrayList<>();
        List<List<Double>> alone = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            added.add(new ArrayList<>());
            through.add(new ArrayList<>());
            head.add(new ArrayList<>());
            chatEvent.add(new ArrayList<>());
            alone.add(new ArrayList<>());
        }
        List<Double> aMinusB = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < SEQUENTIAL; i++) {
            FirstToken[] results = new FirstToken[n];
            double direct = -1;
            for (int k = 0; k < n; k++) {
                int a = (i + k) % n; // A then B, then B then A, ...
                openAi.enqueue(Reply.answer("one two three four five", 5, Duration.ZERO), Reply.answer("one two three four five", 5, Duration.ZERO));
                direct = apps.get(a).client.upstream(openAi, body).first();
                results[a] = apps.get(a).client.newChat("Question " + i);
                if (direct < 0 || results[a].first() < 0 || !results[a].done()) {
                    results[a] = null;
                } else {
                    alone.get(a).add(direct);
                }
            }
            if (java.util.Arrays.stream(results).anyMatch(java.util.Objects::isNull)) {
                failed++; // counted and left out: a round without all first tokens has no difference
                continue;
            }
            for (int a = 0; a < n; a++) {
                double d = alone.get(a).getLast();
                through.get(a).add(results[a].first());
                added.get(a).add(results[a].first() - d);
                head.get(a).add(results[a].head());
                chatEvent.get(a).add(results[a].chat());
            }
            if (n == 2) {
                aMinusB.add(added.get(0).getLast() - added.get(1).getLast());
            }
        }
        report.add(String.format("time to first token, %d new chats one after the other%s, each on a new connection, interleaved with the "
                        + "upstream alone (%d warm-up pairs first):", SEQUENTIAL, n == 2 ? " on each app" : "", WARM_UP));
        for (int a = 0; a < n; a++) {
            String label = n == 2 ? apps.get(a).label + ": " : "";
            report.add(String.format("  %supstream alone p50 %.2f ms, p99 %.2f ms; through Suhbat p50 %.2f ms, p99 %.2f ms", label,
                    percentile(alone.get(a), 50), percentile(alone.get(a), 99), percentile(through.get(a), 50), percentile(through.get(a), 99)));
            report.add(String.format("  %sadded by Suhbat (pairwise): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms (targets p50 5 and p99 20 ms); "
                            + "ratio of the medians through / alone %.2f", label, percentile(added.get(a), 50), percentile(added.get(a), 90),
                    percentile(added.get(a), 99), percentile(through.get(a), 50) / percentile(alone.get(a), 50)));
            // what the client sees of the way there: the response's head and the chat event (message stored) leave together
            // once the model has been called; the first token then comes from the upstream's first piece
            report.add(String.format("  %sthrough Suhbat, seen by the client, p50: response head %.2f ms, chat event (message stored, "
                            + "model called) %.2f ms, first token %.2f ms", label, percentile(head.get(a), 50),
                    percentile(chatEvent.get(a), 50), percentile(through.get(a), 50)));
        }
        if (n == 2) {
            report.add(String.format("  A minus B, added time per round: p50 %.2f ms (A's median / B's median %.2f)",
                    percentile(aMinusB, 50), percentile(added.get(0), 50) / percentile(added.get(1), 50)));
        }
        report.add(String.format("  rounds without all first tokens (left out): %d", failed));
    }

    private static void sustained(Client client, FakeOpenAi openAi, long pid, List<String> report) throws Exception {
        int warmUp = RATE * SUSTAINED_WARM_UP;
        int measured = RATE * SECONDS;
        int total = warmUp + measured;
        for (int i = 0; i < total; i++) {
            openAi.enqueue(Reply.answer("a".repeat(PIECES * 4), PIECES, PIECE_DELAY));
        }
        List<Double> added = Collections.synchronizedList(new ArrayList<>());
        // the same by the second of the measured part each chat was due in: where in the run the slow first tokens fall
        List<List<Double>> addedBySecond = new ArrayList<>();
        for (int s = 0; s < SECONDS; s++) {
            addedBySecond.add(Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicLong errors = new AtomicLong();
        AtomicLong warmUpErrors = new AtomicLong();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger peakOpen = new AtomicInteger();
        AtomicLong peakRss = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long rssBefore = 0;
        Cpu cpuBefore = null;
        GcCounts gcBefore = null;
        long started = System.nanoTime();
        long measuredFrom = started;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
             ExecutorService sampler = Executors.newSingleThreadExecutor()) {
            for (int i = 0; i < total; i++) {
                // the i-th chat starts i / RATE seconds after the first: a steady arrival, not a burst
                long due = started + (long) (i * 1e9 / RATE);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                if (i == warmUp) {
                    // the measured part starts here: CPU, memory and the peak of open answers from now on
                    measuredFrom = System.nanoTime();
                    rssBefore = rssKb(pid);
                    cpuBefore = Cpu.of(pid);
                    gcBefore = GcCounts.of(pid);
                    peakOpen.set(open.get());
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
                }
                int n = i;
                boolean counted = i >= warmUp;
                clients.submit(() -> {
                    peakOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                    try {
                        FirstToken answer = client.newChat("Load " + n);
                        if (!answer.done() || answer.failed()) {
                            (counted ? errors : warmUpErrors).incrementAndGet();
                            failures.add("chat " + n + ": status " + answer.status() + (answer.failed() ? ", error event" : ", no done event"));
                        } else if (counted) {
                            added.add(answer.first() - PIECE_DELAY.toMillis());
                            addedBySecond.get(Math.min(SECONDS - 1, (n - warmUp) / RATE)).add(answer.first() - PIECE_DELAY.toMillis());
                        }
                    } catch (IOException e) {
                        (counted ? errors : warmUpErrors).incrementAndGet();
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
        double wall = (System.nanoTime() - measuredFrom) / 1e9;
        Cpu cpu = Cpu.of(pid).minus(cpuBefore);
        GcCounts gc = GcCounts.of(pid).minus(gcBefore);
        if (warmUp > 0) {
            report.add(String.format("sustained warm-up: the same load for %d s (%d chats, not measured, %d errors), the measured chats right after it",
                    SUSTAINED_WARM_UP, warmUp, warmUpErrors.get()));
        }
        report.add(String.format("sustained: %d new chats per second for %d s (%d chats), each answer streaming %d pieces %d ms apart; at most %d "
                        + "open at once; %d errors; wall %.1f s", RATE, SECONDS, measured, PIECES, PIECE_DELAY.toMillis(), peakOpen.get(),
                errors.get(), wall));
        report.add(String.format("  time to first token beyond the upstream's own %d ms: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (target p95 50 ms)",
                PIECE_DELAY.toMillis(), percentile(added, 50), percentile(added, 95), percentile(added, 99)));
        StringBuilder slices = new StringBuilder("  p95 by 5 s of the measured part (chats due then):");
        for (int from = 0; from < SECONDS; from += 5) {
            List<Double> slice = new ArrayList<>();
            for (int s = from; s < Math.min(SECONDS, from + 5); s++) {
                slice.addAll(addedBySecond.get(s));
            }
            slices.append(String.format(" %d-%d s %.1f ms;", from, Math.min(SECONDS, from + 5), slice.isEmpty() ? Double.NaN : percentile(slice, 95)));
        }
        report.add(slices.toString());
        report.add(String.format("  app RSS %d MB before, at most %d MB during: %.1f kB per open answer; app CPU %.0f ms, %.2f ms per chat",
                rssBefore / 1024, peakRss.get() / 1024, (peakRss.get() - rssBefore) / (double) Math.max(1, peakOpen.get()), cpu.app(),
                cpu.app() / measured));
        // from the first measured chat to the last answer's end (with a warm-up, the rest of its answers too)
        report.add(String.format("  of the app's CPU: JIT compiler threads %.0f ms, GC (VM and GC threads) %.0f ms, the rest %.2f ms per chat; "
                        + "embedded MariaDB %.0f ms, %.2f ms per chat", cpu.jit(), cpu.vm(), (cpu.app() - cpu.jit() - cpu.vm()) / measured,
                cpu.database(), cpu.database() / measured));
        report.add(gc.known()
                ? String.format("  the app's collections meanwhile (jstat): %d young, %.0f ms paused in all (%.1f ms each on average); %d full, %.0f ms",
                        gc.young(), gc.youngMs(), gc.youngMs() / Math.max(1, gc.young()), gc.full(), gc.fullMs())
                : "  the app's collections meanwhile: not known (jstat did not answer)");
        failures.stream().limit(10).forEach(f -> report.add("  failed: " + f));
    }

    /** The app's collections so far, from {@code jstat -gc} of the JDK running this benchmark: counts and pause times in ms. */
    private record GcCounts(boolean known, long young, double youngMs, long full, double fullMs) {

        static GcCounts of(long pid) {
            try {
                Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc", String.valueOf(pid))
                        .redirectErrorStream(true).start();
                List<String> lines = new String(jstat.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
                if (!jstat.waitFor(30, TimeUnit.SECONDS) || jstat.exitValue() != 0 || lines.size() < 2) {
                    return new GcCounts(false, 0, 0, 0, 0);
                }
                List<String> names = List.of(lines.get(0).strip().split("\\s+"));
                List<String> values = List.of(lines.get(1).strip().split("\\s+"));
                return new GcCounts(true, Long.parseLong(values.get(names.indexOf("YGC"))),
                        Double.parseDouble(values.get(names.indexOf("YGCT"))) * 1000, Long.parseLong(values.get(names.indexOf("FGC"))),
                        Double.parseDouble(values.get(names.indexOf("FGCT"))) * 1000);
            } catch (IOException | RuntimeException e) {
                return new GcCounts(false, 0, 0, 0, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new GcCounts(false, 0, 0, 0, 0);
            }
        }

        GcCounts minus(GcCounts before) {
            return before == null || !before.known || !known ? new GcCounts(false, 0, 0, 0, 0)
                    : new GcCounts(true, young - before.young, youngMs - before.youngMs, full - before.full, fullMs - before.fullMs);
        }
    }

    /** CPU time in ms (USER_HZ = 100 on Linux) of the app, of its JIT compiler threads and VM thread, and of its embedded database. */
    private record Cpu(double app, double jit, double vm, double database) {

        static Cpu of(long pid) throws IOException {
            double jit = 0;
            double vm = 0;
            try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    String name;
                    long ticks;
                    try {
                        name = Files.readString(task.resolve("comm")).strip();
                        ticks = cpuTicks(task.resolve("stat"));
                    } catch (IOException ended) {
                        continue; // the thread ended meanwhile
                    }
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        jit += ticks * 10.0;
                    } else if (name.equals("VM Thread") || name.startsWith("GC Thread")) {
                        vm += ticks * 10.0; // the serial collector's pauses run on the VM thread, the parallel one's on its GC threads
                    }
                }
            }
            double database = ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                    .filter(p -> p.info().command().orElse("").endsWith("mariadbd") || p.info().command().orElse("").endsWith("mysqld"))
                    .mapToDouble(p -> {
                        try {
                            return cpuTicks(Path.of("/proc", String.valueOf(p.pid()), "stat")) * 10.0;
                        } catch (IOException ended) {
                            return 0;
                        }
                    }).sum();
            return new Cpu(cpuTicks(Path.of("/proc", String.valueOf(pid), "stat")) * 10.0, jit, vm, database);
        }

        Cpu minus(Cpu before) {
            return new Cpu(app - before.app, jit - before.jit, vm - before.vm, database - before.database);
        }
    }

    /** Times in ms from sending: the status line ({@code head}), the chat event ({@code chat}, -1 if none), the first token. */
    private record FirstToken(int status, double head, double chat, double first, boolean done, boolean failed) {
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
                double headAt = (System.nanoTime() - t0) / 1e6;
                int code = status == null ? 0 : Integer.parseInt(status.split(" ")[1]);
                double chat = -1;
                double first = -1;
                boolean done = false;
                boolean failed = false;
                String line;
                while ((line = in.readLine()) != null) {
                    // the upstream's first chunk only names the role; its first text is the first token
                    if (first < 0 && line.contains(firstMark) && !line.contains("\"content\":\"\"")) {
                        first = (System.nanoTime() - t0) / 1e6;
                    }
                    if (chat < 0 && line.startsWith("event:chat")) {
                        chat = (System.nanoTime() - t0) / 1e6;
                    }
                    done |= line.startsWith("event:done") || line.startsWith("data: [DONE]");
                    failed |= line.startsWith("event:error");
                }
                return new FirstToken(code, headAt, chat, first, done, failed);
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

    /** utime + stime of a process or thread ({@code /proc/<pid>/stat}), in clock ticks. */
    private static long cpuTicks(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
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

package uz.suhbat.e2e;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.bootstrap.SuhbatApplication;

/**
 * A Suhbat node in a JVM of its own, started as {@code java -cp … SuhbatApplication --KEY=VALUE…} with the test's class
 * path, so that a test can kill it the way a machine dies: {@link #killHard()} sends SIGKILL ({@code kill -9}), and
 * nothing of the node runs after it: no shutdown hook, no finally, no closing of connections.
 */
final class ChildProcessSuhbat implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ChildProcessSuhbat(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the node and waits until its health check answers UP. */
    static ChildProcessSuhbat start(Path data, FakeOpenAi openAi, GreenMail mail, String... settings) {
        int port = freePort();
        List<String> all = new ArrayList<>(List.of(settings));
        all.add("SERVER_PORT=" + port);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), SuhbatApplication.class.getName()));
        command.addAll(List.of(StandaloneSuhbat.commandLine(data, openAi, mail, all.toArray(String[]::new))));
        Path log = data.resolve("node-" + port + ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ChildProcessSuhbat node = new ChildProcessSuhbat(process, port, log);
            node.awaitHealthy(Duration.ofMinutes(Long.getLong("suhbat.test.nodeStartMinutes", 10)));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node stopped while starting (exit " + process.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the node did not become healthy within " + timeout + "; see " + log);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** SIGKILL, as {@code kill -9 <pid>}; returns the exit status (137 = 128 + signal 9) once the process is gone. */
    int killHard() {
        try {
            new ProcessBuilder("kill", "-9", String.valueOf(process.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("still alive after kill -9");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}

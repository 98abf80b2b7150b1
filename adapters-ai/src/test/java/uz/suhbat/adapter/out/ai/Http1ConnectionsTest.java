package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Http1Connections} against a server on a real socket whose every byte the test writes:
 * the framings of a body, keep-alive and the pool, a connection the server closed while idle,
 * silence, and a stream stopped from another thread.
 */
@Timeout(30)
class Http1ConnectionsTest {

    private static final Duration READ = Duration.ofMillis(700);

    private final RawServer server = new RawServer();
    private final Http1Connections http =
            new Http1Connections(Duration.ofSeconds(5), READ, (SSLSocketFactory) SSLSocketFactory.getDefault());

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aChunkedBodyIsDecodedAndItsConnectionServesTheNextRequest() throws Exception {
        server.serve(connection -> {
            for (int i = 0; i < 2; i++) {
                String request = connection.readRequest();
                assertThat(request).startsWith("POST /v1/chat/completions?x=1 HTTP/1.1\r\n")
                        .contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n")
                        .contains("\r\nAuthorization: Bearer k\r\n")
                        .contains("\r\nContent-Length: 7\r\n")
                        .endsWith("\r\n\r\n{\"a\":1}");
                connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/event-stream\r\n\r\n"
                        + "5;name=x\r\ndata:\r\n" + "8\r\n hello\n\n\r\n" + "0\r\nSome-Trailer: t\r\n\r\n");
            }
        });
        for (int i = 0; i < 2; i++) {
            Http1Connections.Response response = post("/v1/chat/completions?x=1", "{\"a\":1}");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("content-type")).isEqualTo("text/event-stream");
            assertThat(readAll(response.body())).isEqualTo("data: hello\n\n");
            response.body().close();
            assertThat(http.idleConnections()).isEqualTo(1);
        }
        assertThat(server.accepted.get()).isEqualTo(1);
    }

    @Test
    void aBodyByLengthEndsAtItsLengthAndOneToTheCloseAtTheClose() throws Exception {
        server.serve(connection -> {
            connection.readRequest();
            connection.write("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 2\r\nContent-Length: 4\r\n\r\nslow");
            connection.readRequest();
            connection.write("HTTP/1.1 200 OK\r\n\r\nuntil the end");
            connection.close();
        });
        Http1Connections.Response limited = post("/", "{}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("retry-after")).isEqualTo("2");
        assertThat(readAll(limited.body())).isEqualTo("slow");
        limited.body().close();

        Http1Connections.Response toClose = post("/", "{}");
        assertThat(readAll(toClose.body())).isEqualTo("until the end");
        toClose.body().close();
        assertThat(http.idleConnections()).as("a body ended by the close cannot leave its connection for another").isZero();
    }

    @Test
    void aPooledConnectionTheServerClosedWhileIdleIsReplacedAndTheRequestSentAgain() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        answerOnceThenClose(requests);
        for (int i = 0; i < 3; i++) {
            Http1Connections.Response response = post("/", "{\"n\":" + i + "}");
            assertThat(readAll(response.body())).isEqualTo("ok");
            response.body().close();
        }
        assertThat(requests).hasSize(3).allSatisfy(r -> assertThat(r).contains("{\"n\":"));
        assertThat(server.accepted.get()).isEqualTo(3);
    }

    @Test
    void aConnectionTheServerClosedAfterAWhileIdleIsNotUsedAndTheRequestArrivesOnce() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        answerOnceThenClose(requests);
        readToTheEnd(post("/", "{}"));
        assertThat(http.idleConnections()).isEqualTo(1);
        Thread.sleep(Http1Connections.CHECK_AFTER_IDLE_SECONDS * 1000L + 200);
        Http1Connections.Response second = post("/", "{}");
        assertThat(readAll(second.body())).isEqualTo("ok");
        assertThat(requests).as("each request arrived once").hasSize(2);
        assertThat(server.accepted.get()).isEqualTo(2);
    }

    @Test
    void aPooledConnectionThatDiesAfterTheServerTookTheRequestIsNotSentAgain() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        server.serve(connection -> {
            requests.add(connection.readRequest());
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            requests.add(connection.readRequest());
            Thread.sleep(Http1Connections.RESEND_WITHIN.toMillis() + 300); // working on it, then gone
            connection.close();
        });
        readToTheEnd(post("/", "{}"));
        assertThatThrownBy(() -> post("/", "{}")).isInstanceOf(IOException.class);
        assertThat(requests).as("sent once: the server may have acted on it").hasSize(2);
        assertThat(server.accepted.get()).isEqualTo(1);
    }

    @Test
    void aChunksDataIsHandedOnBeforeItsLineEndArrives() throws Exception {
        CountDownLatch more = new CountDownLatch(1);
        server.serve(connection -> {
            connection.readRequest();
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\ndata:\n");
            more.await(20, TimeUnit.SECONDS);
            connection.write("\r\n3\r\nend\r\n0\r\n\r\n");
        });
        Http1Connections.Response response = post("/", "{}");
        byte[] piece = new byte[64];
        assertThat(new String(piece, 0, response.body().read(piece), StandardCharsets.UTF_8)).isEqualTo("data:\n");
        more.countDown();
        assertThat(readAll(response.body())).isEqualTo("end");
        response.body().close();
        assertThat(http.idleConnections()).isEqualTo(1);
    }

    @Test
    void aFreshConnectionThatClosesBeforeAnsweringFailsTheRequest() throws Exception {
        server.serve(connection -> {
            connection.readRequest();
            connection.close();
        });
        assertThatThrownBy(() -> post("/", "{}")).isInstanceOf(IOException.class);
        assertThat(server.accepted.get()).isEqualTo(1);
    }

    @Test
    void silenceBeforeTheHeadOrInsideTheBodyFailsTheReadAfterTheReadTimeout() throws Exception {
        CountDownLatch done = new CountDownLatch(2);
        server.serve(connection -> {
            connection.readRequest();
            if (server.accepted.get() == 2) {
                connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\ndata:\n\r\n");
            }
            done.await(20, TimeUnit.SECONDS);
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> post("/", "{}")).isInstanceOf(HttpTimeoutException.class).hasMessageContaining("700 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(READ);
        done.countDown();

        Http1Connections.Response response = post("/", "{}");
        InputStream body = response.body();
        byte[] piece = new byte[64];
        assertThat(new String(piece, 0, body.read(piece), StandardCharsets.UTF_8)).isEqualTo("data:\n");
        assertThatThrownBy(() -> body.read(piece)).isInstanceOf(HttpTimeoutException.class);
        body.close();
        done.countDown();
        assertThat(http.idleConnections()).isZero();
    }

    @Test
    void aRequestTheServerStopsTakingFailsAfterTheReadTimeout() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        server.serve(connection -> done.await(20, TimeUnit.SECONDS)); // accepts, then reads nothing
        byte[] large = new byte[64 * 1024 * 1024]; // more than both sockets' buffers take
        long start = System.nanoTime();
        assertThatThrownBy(() -> http.send("POST", URI.create(server.url("/")), List.of(), large))
                .isInstanceOf(HttpTimeoutException.class).hasMessageContaining("took no request");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(READ).isLessThan(Duration.ofSeconds(10));
        done.countDown();
        assertThat(http.idleConnections()).isZero();
    }

    @Test
    void closingABodyFromAnotherThreadStopsItsReaderAndDropsTheConnection() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        server.serve(connection -> {
            connection.readRequest();
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\ndata:\n\r\n");
            stop.await(20, TimeUnit.SECONDS);
        });
        Http1Connections longRead = new Http1Connections(Duration.ofSeconds(5), Duration.ofSeconds(20),
                (SSLSocketFactory) SSLSocketFactory.getDefault());
        Http1Connections.Response response = longRead.send("POST", URI.create(server.url("/")), List.of(),
                "{}".getBytes(StandardCharsets.UTF_8));
        InputStream body = response.body();
        body.read(new byte[64]);
        BlockingQueue<Object> outcome = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                outcome.add(body.read(new byte[64]));
            } catch (IOException e) {
                outcome.add(e);
            }
        });
        Thread.sleep(200);
        long start = System.nanoTime();
        body.close();
        Object result = outcome.poll(5, TimeUnit.SECONDS);
        reader.join();
        stop.countDown();
        assertThat(result).isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(longRead.idleConnections()).isZero();
    }

    @Test
    void aHeaderThatWouldSplitTheRequestIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> http.send("POST", URI.create(server.url("/")),
                List.of(new Http1Connections.Header("X-Note", "a\r\nEvil: 1")), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> http.send("POST", URI.create(server.url("/")),
                List.of(new Http1Connections.Header("X-Note", "a\u0000b")), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> http.send("POST", URI.create("ftp://127.0.0.1/"), List.of(), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.accepted.get()).isZero();
    }

    private Http1Connections.Response post(String path, String body) throws IOException {
        return http.send("POST", URI.create(server.url(path)),
                List.of(new Http1Connections.Header("Authorization", "Bearer k"),
                        new Http1Connections.Header("Content-Length", "999")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** Each connection: one request answered "ok", then closed without "Connection: close" (the client learns it at its next request). */
    private void answerOnceThenClose(List<String> requests) {
        server.serve(connection -> {
            requests.add(connection.readRequest());
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            connection.close();
        });
    }

    /** Reads the body to its end and closes it, which gives its connection back to the pool. */
    private static void readToTheEnd(Http1Connections.Response response) throws IOException {
        response.body().readAllBytes();
        response.body().close();
    }

    private static String readAll(InputStream body) throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** A server that runs the test's script on every connection it accepts, each on a thread of its own. */
    private static final class RawServer implements AutoCloseable {

        private final ServerSocket socket;
        final AtomicInteger accepted = new AtomicInteger();

        RawServer() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        String url(String path) {
            return "http://127.0.0.1:" + port() + path;
        }

        void serve(Script script) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        accepted.incrementAndGet();
                        Thread.ofPlatform().daemon().start(() -> {
                            try (Connection connection = new Connection(client)) {
                                script.run(connection);
                            } catch (Exception ignored) {
                                // the client went away; the test's assertions tell
                            }
                        });
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private interface Script {
        void run(Connection connection) throws Exception;
    }

    private static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** The head, then as many body bytes as its Content-Length says. */
        String readRequest() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed");
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

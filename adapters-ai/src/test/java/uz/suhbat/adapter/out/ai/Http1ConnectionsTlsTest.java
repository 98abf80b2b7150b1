package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Http1Connections} over TLS against the JDK's HTTPS server with a certificate made for
 * {@code localhost} by the JDK's {@code keytool}: the answer comes through and its connection is
 * kept; the certificate's name is checked against the address asked for.
 */
@Timeout(60)
class Http1ConnectionsTlsTest {

    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    static Path folder;
    private static HttpsServer server;
    private static SSLContext trusting;

    @BeforeAll
    static void start() throws Exception {
        Path store = folder.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext serving = SSLContext.getInstance("TLS");
        serving.init(keyManagers.getKeyManagers(), null, null);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(keys);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trustManagers.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(serving));
        server.createContext("/", exchange -> {
            byte[] asked = exchange.getRequestBody().readAllBytes();
            byte[] answer = ("you sent " + new String(asked, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, 0); // chunked
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void anAnswerComesOverTlsAndItsConnectionIsKeptForTheNext() throws IOException {
        Http1Connections http = new Http1Connections(Duration.ofSeconds(5), Duration.ofSeconds(10), trusting.getSocketFactory());
        for (int i = 0; i < 2; i++) {
            Http1Connections.Response response = http.send("POST", URI.create("https://localhost:" + port() + "/v1"), List.of(),
                    ("question " + i).getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).isEqualTo(200);
            try (InputStream body = response.body()) {
                assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("you sent question " + i);
            }
            assertThat(http.idleConnections()).isEqualTo(1);
        }
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        Http1Connections http = new Http1Connections(Duration.ofSeconds(5), Duration.ofSeconds(10), trusting.getSocketFactory());
        // the same server and a trusted certificate, but made for "localhost", not for this address
        assertThatThrownBy(() -> http.send("POST", URI.create("https://127.0.0.1:" + port() + "/v1"), List.of(), new byte[0]))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(http.idleConnections()).isZero();
    }

    @Test
    void aCertificateNobodyTrustsIsRefused() {
        Http1Connections http = new Http1Connections(Duration.ofSeconds(5), Duration.ofSeconds(10),
                (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault());
        assertThatThrownBy(() -> http.send("POST", URI.create("https://localhost:" + port() + "/v1"), List.of(), new byte[0]))
                .isInstanceOf(SSLHandshakeException.class);
    }

    private static int port() {
        return server.getAddress().getPort();
    }
}

package uz.suhbat.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small load balancer for tests: each request goes to the next node in turn (round robin), the
 * way nginx spreads requests without sticky sessions. Bodies are streamed both ways, so an answer's
 * event stream arrives piece by piece. Like a real proxy it adds {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto}. A request may name its node with the header {@value #ROUTE_HEADER}
 * (0-based; the header is not passed on), so that a test can send, say, Stop to the node that
 * does not run the answer. Like nginx ({@code proxy_next_upstream error}), a request whose node refuses the connection
 * (a node that died) goes to the next node instead; a request that names its node does not.
 */
final class RoundRobinProxy implements AutoCloseable {

    static final String ROUTE_HEADER = "X-Test-Route-To";
    /** A request with this header set to {@code https} is forwarded as one that came to the proxy over HTTPS. */
    static final String PROTO_HEADER = "X-Test-Proto";

    // headers the JDK client sets itself or refuses, and hop-by-hop headers
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "transfer-encoding", "expect",
            "upgrade", "keep-alive", "te", "trailer", "proxy-connection", ROUTE_HEADER.toLowerCase(Locale.ROOT),
            PROTO_HEADER.toLowerCase(Locale.ROOT));

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> nodes;
    private final AtomicInteger next = new AtomicInteger();
    private final String forwardedProto;
    private final AtomicInteger[] served;

    /** {@code nodes}: base URLs such as {@code http://localhost:1234}. */
    RoundRobinProxy(List<String> nodes, String forwardedProto) {
        this.nodes = List.copyOf(nodes);
        this.forwardedProto = forwardedProto;
        this.served = new AtomicInteger[nodes.size()];
        for (int i = 0; i < served.length; i++) {
            served[i] = new AtomicInteger();
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::forward);
        server.start();
    }

    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** How many requests node {@code i} has served. */
    int served(int i) {
        return served[i].get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route = exchange.getRequestHeaders().getFirst(ROUTE_HEADER);
            int node = route != null ? Integer.parseInt(route) : Math.floorMod(next.getAndIncrement(), nodes.size());
            served[node].incrementAndGet();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodes.get(node) + exchange.getRequestURI()))
                    .timeout(Duration.ofMinutes(2));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("x-forwarded-for")
                        && !name.equalsIgnoreCase("x-forwarded-proto")) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            String earlier = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
            String caller = exchange.getRemoteAddress().getAddress().getHostAddress();
            request.header("X-Forwarded-For", earlier == null ? caller : earlier + ", " + caller);
            String proto = exchange.getRequestHeaders().getFirst(PROTO_HEADER);
            if (proto != null || forwardedProto != null) {
                request.header("X-Forwarded-Proto", proto != null ? proto : forwardedProto);
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            request.method(exchange.getRequestMethod(),
                    body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<InputStream> response = null;
            for (int tried = 0; response == null; tried++) {
                try {
                    response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(502, -1);
                    return;
                } catch (java.net.ConnectException refused) {
                    if (route != null || tried + 1 >= nodes.size()) {
                        exchange.sendResponseHeaders(502, -1);
                        return;
                    }
                    // nothing was sent: the next node takes it
                    node = (node + 1) % nodes.size();
                    served[node].incrementAndGet();
                    request.uri(URI.create(nodes.get(node) + exchange.getRequestURI()));
                } catch (IOException e) {
                    exchange.sendResponseHeaders(502, -1);
                    return;
                }
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.equals(":status")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            long length = response.headers().firstValueAsLong("content-length").orElse(0);
            boolean noBody = exchange.getRequestMethod().equals("HEAD") || response.statusCode() == 204 || response.statusCode() == 304;
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : length);
            try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush(); // an event stream's pieces go on at once
                }
            } catch (IOException gone) {
                // the client or the node went away mid-body
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

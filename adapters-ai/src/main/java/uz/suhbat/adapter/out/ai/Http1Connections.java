package uz.suhbat.adapter.out.ai;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTP/1.1 on blocking sockets, with a pool of idle keep-alive connections: what the upstream
 * client sends its requests with. Meant for virtual threads: a request and the reading of its
 * response block the calling thread, and each read wakes that thread directly, where the JDK's
 * {@code HttpClient} reads on its selector thread and hands every piece of a stream on to the
 * reader (measured in {@code docs/benchmarks.md}, "Session 11").
 *
 * <ul>
 * <li>{@code https} goes over TLS with the JDK's trust store and host name verification.</li>
 * <li>A response body is read by its length, in chunks, or up to the end of the connection; a
 *     connection whose body was read to its end goes back to the pool when the body is closed,
 *     one closed earlier (a cancelled answer) is closed with it.</li>
 * <li>A pooled connection idle for {@value #CHECK_AFTER_IDLE_SECONDS} s or more is looked at before it
 *     is used (a read of at most a millisecond): one the server has closed, or that has bytes nobody
 *     asked for (an unsolicited 408), is dropped. One that still fails at once, before the first
 *     byte of the response (the server closed it just then), sends the request once more on a new
 *     connection; a failure later than {@link #RESEND_WITHIN} is reported, since the server may
 *     have taken the request.</li>
 * <li>Silence longer than the read timeout, waiting for the response or inside its body, fails the
 *     read with {@link HttpTimeoutException}, and so does a request that takes as long to send;
 *     a connect or TLS handshake that takes longer than the connect timeout fails with
 *     {@link HttpConnectTimeoutException}.</li>
 * </ul>
 */
final class Http1Connections {

    /** Bytes read from a socket at once; each open answer holds one such buffer while it streams. */
    static final int BUFFER = 2048;
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_IDLE_PER_ORIGIN = 256;
    static final Duration MAX_IDLE = Duration.ofSeconds(30);
    static final int CHECK_AFTER_IDLE_SECONDS = 2;
    private static final long MAX_IDLE_NANOS = MAX_IDLE.toNanos();
    private static final long CHECK_AFTER_IDLE_NANOS = Duration.ofSeconds(CHECK_AFTER_IDLE_SECONDS).toNanos();
    static final Duration RESEND_WITHIN = Duration.ofMillis(250);
    private static final byte[] CRLF = {'\r', '\n'};

    /** Ends writes that stall (see {@code Connection.write}); one timer thread for all, a task per request, not per piece. */
    private static final ScheduledThreadPoolExecutor WRITE_WATCH = writeWatch();

    private final Duration connectTimeout;
    private final int readTimeoutMillis;
    private final SSLSocketFactory tls;
    private final ConcurrentHashMap<Origin, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();

    Http1Connections(Duration connectTimeout, Duration readTimeout, SSLSocketFactory tls) {
        this.connectTimeout = connectTimeout;
        this.readTimeoutMillis = Math.toIntExact(Math.max(1, readTimeout.toMillis()));
        this.tls = tls;
    }

    /** One header of a request, in the order given. */
    record Header(String name, String value) {
    }

    /**
     * A response whose head has been read. Close its body, read to the end or not: that returns
     * the connection to the pool or closes it.
     */
    record Response(int status, Map<String, List<String>> headers, InputStream body) {

        String header(String name) {
            return first(headers, name);
        }
    }

    /** Sends one request and reads the head of its response; the body is left to the caller. */
    Response send(String method, URI uri, List<Header> headers, byte[] body) throws IOException {
        Origin origin = Origin.of(uri);
        byte[] request = request(method, uri, origin, headers, body);
        Connection pooled = takeIdle(origin);
        if (pooled != null) {
            try {
                return pooled.exchange(request, method, true);
            } catch (StaleConnection stale) {
                pooled.close();
                // the server had closed it while it was idle; the request never reached it
            }
        }
        // a fresh connection is never taken for stale: a failure on it is the request's
        return connect(origin).exchange(request, method, false);
    }

    private static ScheduledThreadPoolExecutor writeWatch() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("upstream-write-watch").daemon().factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** How many idle connections the pool holds, over all origins. */
    int idleConnections() {
        return idle.values().stream().mapToInt(ConcurrentLinkedDeque::size).sum();
    }

    private Connection takeIdle(Origin origin) {
        ConcurrentLinkedDeque<Connection> connections = idle.get(origin);
        if (connections == null) {
            return null;
        }
        long now = System.nanoTime();
        Connection connection;
        while ((connection = connections.pollFirst()) != null) {
            long idleFor = now - connection.idleSince;
            if (idleFor < MAX_IDLE_NANOS && !connection.socket.isClosed()
                    && (idleFor < CHECK_AFTER_IDLE_NANOS || connection.stillOpen())) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    private void release(Connection connection) {
        ConcurrentLinkedDeque<Connection> connections = idle.computeIfAbsent(connection.origin, o -> new ConcurrentLinkedDeque<>());
        connection.idleSince = System.nanoTime();
        connections.offerFirst(connection);
        // the most recently used are taken first; the oldest wait at the end and leave when too old or too many
        Iterator<Connection> oldest = connections.descendingIterator();
        int excess = connections.size() - MAX_IDLE_PER_ORIGIN;
        while (oldest.hasNext()) {
            Connection last = oldest.next();
            if (excess <= 0 && connection.idleSince - last.idleSince < MAX_IDLE_NANOS) {
                break;
            }
            if (connections.removeLastOccurrence(last)) {
                last.close();
            }
            excess--;
        }
    }

    private Connection connect(Origin origin) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            try {
                socket.connect(new InetSocketAddress(origin.host, origin.port), Math.toIntExact(Math.max(1, connectTimeout.toMillis())));
            } catch (SocketTimeoutException e) {
                HttpConnectTimeoutException timeout = new HttpConnectTimeoutException("connect timed out: " + origin);
                timeout.initCause(e);
                throw timeout;
            }
            socket.setSoTimeout(readTimeoutMillis);
            if (origin.tls) {
                SSLSocket secure = (SSLSocket) tls.createSocket(socket, origin.host, origin.port, true);
                SSLParameters parameters = secure.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                parameters.setApplicationProtocols(new String[] {"http/1.1"});
                secure.setSSLParameters(parameters);
                try {
                    secure.startHandshake();
                } catch (SocketTimeoutException e) {
                    HttpConnectTimeoutException timeout = new HttpConnectTimeoutException("TLS handshake timed out: " + origin);
                    timeout.initCause(e);
                    throw timeout;
                }
                socket = secure;
            }
            return new Connection(origin, socket);
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connect's failure is the one to report
            }
            throw e;
        }
    }

    private HttpTimeoutException silence(SocketTimeoutException cause) {
        HttpTimeoutException timeout = new HttpTimeoutException("no data from the upstream for " + readTimeoutMillis + " ms");
        timeout.initCause(cause);
        return timeout;
    }

    private static byte[] request(String method, URI uri, Origin origin, List<Header> headers, byte[] body) {
        StringBuilder head = new StringBuilder(256 + headers.size() * 48);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        head.append(method).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(origin.hostHeader()).append("\r\n");
        for (Header header : headers) {
            String name = header.name();
            if (!token(name) || !fieldValue(header.value())) {
                throw new IllegalArgumentException("not a valid HTTP header: " + name);
            }
            switch (name.toLowerCase(Locale.ROOT)) {
                case "host", "content-length", "connection", "transfer-encoding", "expect", "upgrade" -> {
                    // framing and the connection are this client's
                }
                default -> head.append(name).append(": ").append(header.value()).append("\r\n");
            }
        }
        if (body != null || !method.equals("GET") && !method.equals("HEAD")) {
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        if (body == null || body.length == 0) {
            return headBytes;
        }
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** No control characters but the tab: a value cannot end its line or smuggle one in. */
    private static boolean fieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' && c != '\t' || c == 127) {
                return false;
            }
        }
        return true;
    }

    private static boolean token(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private record Origin(boolean tls, String host, int port) {

        static Origin of(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("not an http or https address: " + uri);
            }
            String host = uri.getHost();
            if (host == null) {
                throw new IllegalArgumentException("no host in " + uri);
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            boolean tls = scheme.equals("https");
            return new Origin(tls, host, uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80);
        }

        String hostHeader() {
            String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            return port == (tls ? 443 : 80) ? name : name + ":" + port;
        }

        @Override
        public String toString() {
            return hostHeader();
        }
    }

    /** Failed before the first byte of a response on a connection that had been idle: safe to send again. */
    private static final class StaleConnection extends IOException {

        StaleConnection(IOException cause) {
            super(cause);
        }
    }

    private final class Connection {

        private final Origin origin;
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buffer = new byte[BUFFER];
        private int position;
        private int limit;
        private volatile long idleSince;
        private final AtomicBoolean closed = new AtomicBoolean();

        Connection(Origin origin, Socket socket) throws IOException {
            this.origin = origin;
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /**
         * Whether a connection idle for a while is still usable: the server has not closed it and sent nothing unasked.
         * Waits at most a millisecond for the answer.
         */
        boolean stillOpen() {
            // pooled only with nothing left unread (Body.close), so any byte now is the server's
            try {
                socket.setSoTimeout(1);
                try {
                    in.read(buffer, 0, buffer.length); // the end of the connection, or bytes nobody asked for
                    return false;
                } finally {
                    socket.setSoTimeout(readTimeoutMillis);
                }
            } catch (SocketTimeoutException nothingToRead) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        Response exchange(byte[] request, String method, boolean reused) throws IOException {
            long sent = System.nanoTime();
            try {
                write(request);
                if (!fill()) {
                    throw new EOFException("the connection closed before a response");
                }
            } catch (SocketTimeoutException e) {
                close();
                throw silence(e);
            } catch (HttpTimeoutException e) {
                throw e;
            } catch (IOException e) {
                if (reused && System.nanoTime() - sent < RESEND_WITHIN.toNanos()) {
                    throw new StaleConnection(e);
                }
                close();
                throw e;
            }
            try {
                return response(method);
            } catch (SocketTimeoutException e) {
                close();
                throw silence(e);
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private Response response(String method) throws IOException {
            int[] headBytes = {0};
            String statusLine;
            int status;
            Map<String, List<String>> headers;
            boolean http10;
            do {
                statusLine = line(headBytes);
                if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
                    throw new IOException("not an HTTP/1.x response: " + abbreviate(statusLine));
                }
                http10 = statusLine.charAt(7) == '0';
                try {
                    status = Integer.parseInt(statusLine.substring(9, 12));
                } catch (NumberFormatException e) {
                    throw new IOException("not an HTTP status: " + abbreviate(statusLine), e);
                }
                headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                String line;
                while (!(line = line(headBytes)).isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon <= 0) {
                        throw new IOException("not an HTTP header: " + abbreviate(line));
                    }
                    headers.computeIfAbsent(line.substring(0, colon).strip(), n -> new ArrayList<>(1))
                            .add(line.substring(colon + 1).strip());
                }
            } while (status >= 100 && status < 200 && status != 101);
            String connection = first(headers, "Connection");
            boolean keepAlive = http10
                    ? connection != null && connection.equalsIgnoreCase("keep-alive")
                    : connection == null || !connection.toLowerCase(Locale.ROOT).contains("close");
            String transfer = first(headers, "Transfer-Encoding");
            String length = first(headers, "Content-Length");
            Body body;
            if (method.equals("HEAD") || status == 204 || status == 304) {
                body = new Body(Body.LENGTH, 0, keepAlive);
            } else if (transfer != null && transfer.toLowerCase(Locale.ROOT).endsWith("chunked")) {
                // with a Content-Length as well the message is suspect (RFC 9112 6.3): read it, then drop the connection
                body = new Body(Body.CHUNKED, 0, keepAlive && length == null);
            } else if (transfer != null) {
                body = new Body(Body.TO_CLOSE, 0, false); // another coding last: the body ends with the connection
            } else if (headers.getOrDefault("Content-Length", List.of()).stream().distinct().count() > 1) {
                throw new IOException("differing Content-Length headers");
            } else if (length != null) {
                long n;
                try {
                    n = Long.parseLong(length.strip());
                } catch (NumberFormatException e) {
                    throw new IOException("not a Content-Length: " + abbreviate(length), e);
                }
                if (n < 0) {
                    throw new IOException("a negative Content-Length: " + n);
                }
                body = new Body(Body.LENGTH, n, keepAlive);
            } else {
                body = new Body(Body.TO_CLOSE, 0, false);
            }
            return new Response(status, headers, body);
        }

        /**
         * Sends the request. A socket's read timeout does not bound a write, so a watch closes the connection should sending
         * the request take longer than the read timeout (a server that accepts and then reads nothing).
         */
        private void write(byte[] request) throws IOException {
            AtomicBoolean expired = new AtomicBoolean();
            ScheduledFuture<?> watch = WRITE_WATCH.schedule(() -> {
                expired.set(true);
                close();
            }, readTimeoutMillis, TimeUnit.MILLISECONDS);
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                if (expired.get()) {
                    HttpTimeoutException timeout = new HttpTimeoutException("the upstream took no request for " + readTimeoutMillis + " ms");
                    timeout.initCause(e);
                    throw timeout;
                }
                throw e;
            } finally {
                watch.cancel(false);
            }
        }

        /** Reads more into the buffer when it is empty; false at the end of the connection. */
        private boolean fill() throws IOException {
            if (position < limit) {
                return true;
            }
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }

        /** One line of the head (ISO-8859-1, without its line end). */
        private String line(int[] headBytes) throws IOException {
            StringBuilder line = new StringBuilder(64);
            while (true) {
                if (!fill()) {
                    throw new EOFException("the connection closed inside a response's head");
                }
                byte b = buffer[position++];
                if (++headBytes[0] > MAX_HEAD) {
                    throw new IOException("a response head over " + MAX_HEAD + " bytes");
                }
                if (b == '\n') {
                    int end = line.length();
                    if (end > 0 && line.charAt(end - 1) == '\r') {
                        line.setLength(end - 1);
                    }
                    return line.toString();
                }
                line.append((char) (b & 0xff));
            }
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing is all that is left to do with it
                }
            }
        }

        private final class Body extends InputStream {

            static final int LENGTH = 0;
            static final int CHUNKED = 1;
            static final int TO_CLOSE = 2;

            private final int framing;
            private final boolean keepAlive;
            /** Bytes left in the body (LENGTH) or in the current chunk (CHUNKED). */
            private long left;
            /** Written by the reader after it moved position and limit; read by close(), maybe on another thread. */
            private volatile boolean ended;
            /** The CRLF after a chunk's data, read at the next read, so that data never waits for it. */
            private boolean lineEndDue;
            private final AtomicBoolean bodyClosed = new AtomicBoolean();

            Body(int framing, long length, boolean keepAlive) {
                this.framing = framing;
                this.left = length;
                this.keepAlive = keepAlive;
                this.ended = framing == LENGTH && length == 0;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                java.util.Objects.checkFromIndexSize(offset, length, into.length);
                if (bodyClosed.get()) {
                    throw new IOException("the response body is closed");
                }
                if (length == 0) {
                    return 0;
                }
                try {
                    return readSome(into, offset, length);
                } catch (SocketTimeoutException e) {
                    throw silence(e);
                }
            }

            private int readSome(byte[] into, int offset, int length) throws IOException {
                if (ended) {
                    return -1;
                }
                if (framing == CHUNKED && left == 0) {
                    if (lineEndDue) {
                        expectLineEnd();
                        lineEndDue = false;
                    }
                    left = chunkSize();
                    if (left == 0) {
                        trailers();
                        ended = true;
                        return -1;
                    }
                }
                if (!fill()) {
                    if (framing == TO_CLOSE) {
                        ended = true;
                        return -1;
                    }
                    throw new EOFException("the connection closed inside a response's body");
                }
                int n = limit - position;
                if (framing != TO_CLOSE) {
                    n = (int) Math.min(n, left);
                }
                n = Math.min(n, length);
                System.arraycopy(buffer, position, into, offset, n);
                position += n;
                if (framing != TO_CLOSE) {
                    left -= n;
                    if (left == 0) {
                        if (framing == LENGTH) {
                            ended = true;
                        } else {
                            lineEndDue = true;
                        }
                    }
                }
                return n;
            }

            private long chunkSize() throws IOException {
                String line = line(new int[] {0});
                int end = line.indexOf(';');
                String hex = (end >= 0 ? line.substring(0, end) : line).strip();
                try {
                    long size = Long.parseLong(hex, 16);
                    if (size < 0) {
                        throw new NumberFormatException(hex);
                    }
                    return size;
                } catch (NumberFormatException e) {
                    throw new IOException("not a chunk size: " + abbreviate(line), e);
                }
            }

            private void expectLineEnd() throws IOException {
                for (byte expected : CRLF) {
                    if (!fill()) {
                        throw new EOFException("the connection closed inside a chunk");
                    }
                    byte b = buffer[position++];
                    if (b == '\n') {
                        return; // a bare \n ends it too
                    }
                    if (b != expected) {
                        throw new IOException("a chunk longer than its size");
                    }
                }
            }

            private void trailers() throws IOException {
                int[] bytes = {0};
                while (!line(bytes).isEmpty()) {
                    // trailers carry nothing this client reads
                }
            }

            @Override
            public int available() {
                if (ended || bodyClosed.get()) {
                    return 0;
                }
                int buffered = limit - position;
                return framing == TO_CLOSE ? buffered : (int) Math.min(buffered, left);
            }

            /**
             * Back to the pool when the body was read to its end on a connection kept alive; closed
             * otherwise. May be called from another thread than the reader's, to stop a stream.
             */
            @Override
            public void close() {
                if (!bodyClosed.compareAndSet(false, true)) {
                    return;
                }
                if (ended && keepAlive && position == limit && !closed.get()) {
                    release(Connection.this);
                } else {
                    Connection.this.close();
                }
            }
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}

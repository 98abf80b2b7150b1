package uz.suhbat.adapter.in.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Honours {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only when the request comes from a
 * proxy listed in {@code TRUSTED_PROXIES} (addresses or CIDR ranges). The client address is then the
 * rightmost forwarded address that is not itself a trusted proxy (what a client sends itself sits to
 * the left and is not believed), and a request forwarded as {@code https} is secure: its cookies get
 * {@code Secure} and its answers HSTS. From anyone else the headers are ignored. Runs before every
 * other filter, the session's included.
 */
public final class TrustedProxyFilter extends OncePerRequestFilter {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Range> trusted;

    /** {@code trustedProxies}: comma-separated addresses or ranges such as {@code 10.0.0.0/8, ::1}. */
    public TrustedProxyFilter(String trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        if (trustedProxies != null) {
            for (String entry : trustedProxies.split(",")) {
                if (!entry.isBlank()) {
                    ranges.add(Range.parse(entry.strip()));
                }
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (trusted.isEmpty() || !isTrusted(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String client = clientAddress(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
        String proto = last(request.getHeaders("X-Forwarded-Proto"));
        boolean secure = proto == null ? request.isSecure() : proto.equalsIgnoreCase("https");
        chain.doFilter(new Forwarded(request, client, secure), response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
    }

    private String clientAddress(String peer, java.util.Enumeration<String> headers) {
        List<String> hops = new ArrayList<>();
        while (headers.hasMoreElements()) {
            for (String hop : headers.nextElement().split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop) == null) {
                return peer; // garbage in the chain: believe only the proxy we know
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer : hops.getFirst();
    }

    private static String last(java.util.Enumeration<String> headers) {
        String last = null;
        while (headers.hasMoreElements()) {
            String[] values = headers.nextElement().split(",");
            last = values[values.length - 1].strip();
        }
        return last;
    }

    /** The bytes of an IP address literal; null for anything else (never a DNS lookup). */
    static byte[] literal(String address) {
        if (address == null) {
            return null;
        }
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (IPV4.matcher(a).matches()) {
            String[] parts = a.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int value = Integer.parseInt(parts[i]);
                if (value > 255) {
                    return null;
                }
                bytes[i] = (byte) value;
            }
            return bytes;
        }
        if (a.length() <= 45 && IPV6.matcher(a).matches()) {
            try {
                return InetAddress.getByName(a).getAddress(); // a literal with ':' is parsed, not looked up
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    record Range(byte[] network, int prefix) {

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            byte[] network = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("TRUSTED_PROXIES: '" + cidr + "' is not an IP address or CIDR range");
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("TRUSTED_PROXIES: bad prefix length in '" + cidr + "'");
            }
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            byte[] a = address;
            if (a.length != network.length) {
                if (a.length == 16 && network.length == 4 && isMappedV4(a)) {
                    a = java.util.Arrays.copyOfRange(a, 12, 16);
                } else {
                    return false;
                }
            }
            int bits = prefix;
            for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((a[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isMappedV4(byte[] a) {
            for (int i = 0; i < 10; i++) {
                if (a[i] != 0) {
                    return false;
                }
            }
            return a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
        }
    }

    private static final class Forwarded extends HttpServletRequestWrapper {
        private final String client;
        private final boolean secure;

        Forwarded(HttpServletRequest request, String client, boolean secure) {
            super(request);
            this.client = client;
            this.secure = secure;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getScheme() {
            return secure ? "https" : super.getScheme().toLowerCase(Locale.ROOT);
        }

        @Override
        public int getServerPort() {
            String port = getHeader("X-Forwarded-Port");
            if (port != null && port.matches("\\d{1,5}")) {
                return Integer.parseInt(port);
            }
            return secure && !super.isSecure() ? 443 : super.getServerPort();
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
            int port = getServerPort();
            if (!(secure && port == 443) && !(!secure && port == 80)) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }
    }
}

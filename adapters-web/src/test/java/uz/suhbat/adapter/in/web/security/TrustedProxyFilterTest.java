package uz.suhbat.adapter.in.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TrustedProxyFilterTest {

    private static HttpServletRequest through(TrustedProxyFilter filter, String peer, String forwardedFor, String proto) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        if (proto != null) {
            request.addHeader("X-Forwarded-Proto", proto);
        }
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }

    @Test
    void fromATrustedProxyTheClientIsTheRightmostUntrustedAddressAndHttpsIsSecure() throws Exception {
        TrustedProxyFilter filter = new TrustedProxyFilter("10.0.0.0/8, 192.168.1.5, ::1");

        HttpServletRequest seen = through(filter, "10.1.2.3", "6.6.6.6, 203.0.113.7, 10.9.9.9", "https");

        assertThat(seen.getRemoteAddr()).as("what the client claimed (6.6.6.6) is left of the first untrusted hop").isEqualTo("203.0.113.7");
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getScheme()).isEqualTo("https");
        assertThat(through(filter, "192.168.1.5", "198.51.100.1", "http").isSecure()).isFalse();
        assertThat(through(filter, "::1", "2001:db8::7", null).getRemoteAddr()).isEqualTo("2001:db8::7");
    }

    @Test
    void fromAnyoneElseTheHeadersAreIgnored() throws Exception {
        TrustedProxyFilter filter = new TrustedProxyFilter("10.0.0.0/8");

        HttpServletRequest seen = through(filter, "203.0.113.9", "1.2.3.4", "https");

        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
        assertThat(seen.isSecure()).isFalse();
        assertThat(through(new TrustedProxyFilter(""), "10.0.0.1", "1.2.3.4", "https").getRemoteAddr())
                .as("no TRUSTED_PROXIES: nobody is trusted").isEqualTo("10.0.0.1");
    }

    @Test
    void garbageInTheChainIsNotBelieved() throws Exception {
        TrustedProxyFilter filter = new TrustedProxyFilter("10.0.0.0/8");

        assertThat(through(filter, "10.0.0.1", "1.2.3.4, evil.example, 10.0.0.2", null).getRemoteAddr()).isEqualTo("10.0.0.1");
        assertThat(through(filter, "10.0.0.1", "999.1.1.1", null).getRemoteAddr()).isEqualTo("10.0.0.1");
        assertThatThrownBy(() -> new TrustedProxyFilter("proxy.example")).hasMessageContaining("TRUSTED_PROXIES");
        assertThatThrownBy(() -> new TrustedProxyFilter("10.0.0.0/40")).hasMessageContaining("TRUSTED_PROXIES");
    }
}

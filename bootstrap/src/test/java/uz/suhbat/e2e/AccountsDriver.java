package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person with a browser, for end-to-end tests over plain HTTP: keeps cookies, reads the CSRF
 * token from each page like a browser would submit it, and reads mail from the test SMTP server.
 */
public final class AccountsDriver {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("https?://\\S+token=[A-Za-z0-9_-]+");

    private final String root;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final GreenMail mail;

    public AccountsDriver(String root, GreenMail mail) {
        this.root = root;
        this.mail = mail;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).header("Accept-Language", "en").GET());
    }

    /** GETs {@code formPage}, then posts {@code fields} with the page's CSRF token to {@code action}. */
    public HttpResponse<String> submit(String formPage, String action, String... fields) {
        String token = csrfOf(get(formPage).body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", token);
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return postForm(action, form);
    }

    public HttpResponse<String> postForm(String action, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(root + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> register(String username, String email, String password) {
        return submit("/register", "/register", "username", username, "email", email, "password", password);
    }

    public HttpResponse<String> login(String username, String password) {
        return submit("/login", "/login", "username", username, "password", password);
    }

    /**
     * The newest mail to {@code address} that carries a link, as the path of that link. Account mail is sent after the
     * answer, off the request's thread, so this waits up to 10 s for one to arrive.
     */
    public String linkPathMailedTo(String address) {
        return linkPathMailedTo(address, "/");
    }

    /** Like {@link #linkPathMailedTo(String)}, waiting for a mail whose link's path starts with {@code pathPrefix}. */
    public String linkPathMailedTo(String address, String pathPrefix) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                String path = linkPathMailedToNow(address);
                assertThat(path).as("the newest link mailed to " + address).startsWith(pathPrefix);
                return path;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                mail.waitForIncomingEmail(100, mail.getReceivedMessages().length + 1);
            }
        }
    }

    private String linkPathMailedToNow(String address) {
        MimeMessage[] received = mail.getReceivedMessages();
        for (int i = received.length - 1; i >= 0; i--) {
            try {
                if (Arrays.stream(received[i].getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address))) {
                    Matcher link = LINK.matcher(received[i].getContent().toString());
                    assertThat(link.find()).as("a link in the mail to " + address).isTrue();
                    String url = link.group();
                    assertThat(url).startsWith(EndToEndTest.BASE_URL);
                    return url.substring(EndToEndTest.BASE_URL.length());
                }
            } catch (IOException | jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no mail to " + address);
    }

    public String cookie(String name) {
        return cookies.getCookieStore().get(URI.create(root)).stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).reduce((first, second) -> second).orElse(null);
    }

    /** Drops the session cookie, as a browser does when it is closed; the device cookie stays. */
    public void forgetSession() {
        URI uri = URI.create(root);
        cookies.getCookieStore().get(uri).stream().filter(c -> c.getName().equals("JSESSIONID")).toList()
                .forEach(c -> cookies.getCookieStore().remove(uri, c));
    }

    /** A second browser that has only this browser's device cookie (no session). */
    public AccountsDriver withOnlyDeviceCookie() {
        AccountsDriver other = new AccountsDriver(root, mail);
        String device = cookie("suhbat_device");
        if (device != null) {
            HttpCookie copy = new HttpCookie("suhbat_device", device);
            copy.setPath("/");
            copy.setVersion(0);
            other.cookies.getCookieStore().add(URI.create(root), copy);
        }
        return other;
    }

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

    /** Calls the JSON/SSE API like the chat page does: session cookie plus the CSRF header from a page's meta tag. */
    public HttpResponse<String> api(String method, String path, String json) {
        return send(apiRequest(method, path, json));
    }

    /** Like {@link #api}, but hands over the response as its lines arrive, for reading a stream while it runs. */
    public HttpResponse<java.util.stream.Stream<String>> apiLines(String method, String path, String json) {
        try {
            return client.send(apiRequest(method, path, json).build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder apiRequest(String method, String path, String json) {
        Matcher meta = CSRF_META.matcher(get("/profile").body());
        assertThat(meta.find()).as("the CSRF meta tag").isTrue();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .header("Accept", "text/event-stream, application/json")
                .header("Accept-Language", "en")
                .header("X-CSRF-TOKEN", meta.group(1).replace("&#x3d;", "=").replace("&#61;", "="));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    /** Posts a multipart form like a browser's file upload, with the CSRF token of {@code formPage}. */
    public HttpResponse<String> upload(String formPage, String action, Map<String, String> fields, String fileField, String fileName,
                                       byte[] content) {
        String token = csrfOf(get(formPage).body());
        String boundary = "----suhbat" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = part -> body.writeBytes(part.getBytes(StandardCharsets.UTF_8));
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token);
        all.forEach((name, value) -> text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n"));
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n");
        body.writeBytes(content);
        text.accept("\r\n--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(root + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The CSRF token the chat page would send, for callers that build many API requests themselves. */
    public String csrfToken() {
        Matcher meta = CSRF_META.matcher(get("/profile").body());
        assertThat(meta.find()).as("the CSRF meta tag").isTrue();
        return meta.group(1).replace("&#x3d;", "=").replace("&#61;", "=");
    }

    /** This browser's HTTP client, with its cookies (the session). */
    public HttpClient client() {
        return client;
    }

    /** Events of a text/event-stream body, in order: name and JSON data. */
    public record Event(String name, String data) {
    }

    public static java.util.List<Event> events(String body) {
        java.util.List<Event> events = new java.util.ArrayList<>();
        for (String block : body.split("\r?\n\r?\n")) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\r?\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            if (!data.isEmpty()) {
                events.add(new Event(name, data.toString()));
            }
        }
        return events;
    }

    public static String csrfOf(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1).replace("&#x3d;", "=").replace("&#61;", "=");
    }

    /** A GET whose answer is kept as bytes, such as a PDF. */
    public HttpResponse<byte[]> getBytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).header("Accept-Language", "en").GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outside-in security suite, accounts (docs/security.md, cases A1–A7): strict addresses, no account enumeration
 * through registration or reset, account mail sent after the answer, and concurrent registrations answered with 4xx or
 * the normal answer, never 500.
 */
class SecurityAccountsEndToEndTest extends EndToEndTest {

    @Autowired
    DSLContext db;

    private AccountsDriver browser() {
        return new AccountsDriver(url(""), MAIL);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private boolean userExists(String username) {
        return db.fetchExists(db.selectOne().from("user").where("username = ?", username));
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A1: {@code name<other@evil.test>} is no address: refused at registration, nothing stored, no mail to the inner address. */
    @Test
    void a1_registrationAcceptsOnlyABareAddress() {
        for (String notBare : List.of("name<a1-other@evil.test>", "\"Boss\" <a1-other@evil.test>", "a1-me@example.uz, a1-other@evil.test",
                "a1-me@example.uz\r\nBcc: a1-other@evil.test")) {
            HttpResponse<String> refused = browser().register("a1_user", notBare, "a long passphrase a1");
            assertThat(refused.statusCode()).as(notBare).isEqualTo(200);
            assertThat(refused.body()).as(notBare).contains("Enter a valid e-mail address");
        }
        assertThat(userExists("a1_user")).isFalse();
        assertThat(mailTo("a1-other@evil.test")).isEmpty();
        assertThat(db.fetchCount(db.selectFrom("user").where("email like '%evil.test%'"))).isZero();
    }

    /** A1: the profile's address field takes a bare address only; the stored address and the pending one stay as they were. */
    @Test
    void a1_profileEditAcceptsOnlyABareAddress() {
        AccountsDriver user = browser();
        assertThat(location(user.register("a1_editor", "a1-editor@example.uz", "a long passphrase a1e"))).endsWith("/login?registered");
        assertThat(location(user.login("a1_editor", "a long passphrase a1e"))).endsWith("/");

        HttpResponse<String> edited = user.submit("/profile", "/profile", "username", "a1_editor", "email", "me<a1-other@evil.test>");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.body()).contains("Enter a valid e-mail address");
        var row = db.fetchOne("select email, pending_email from user where username = 'a1_editor'");
        assertThat(row.get(0, String.class)).isEqualTo("a1-editor@example.uz");
        assertThat(row.get(1, String.class)).isNull();
        assertThat(mailTo("a1-other@evil.test")).isEmpty();
    }

    /**
     * A2: registering with an address that has an account answers exactly like registering a new one; no second account
     * is made, and the owner gets a "someone tried to register" mail in their own language instead of a verification link.
     */
    @Test
    void a2_registrationAnswersTheSameForATakenAddressAndTellsItsOwner() {
        HttpResponse<String> fresh = browser().register("a2_owner", "a2-owner@example.uz", "a long passphrase a2");
        HttpResponse<String> taken = browser().register("a2_intruder", "A2-Owner@Example.uz", "another passphrase a2");

        assertThat(taken.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(302);
        assertThat(location(taken)).isEqualTo(location(fresh)).endsWith("/login?registered");
        assertThat(taken.body()).isEqualTo(fresh.body());
        assertThat(headerNames(taken)).isEqualTo(headerNames(fresh));
        assertThat(browser().get("/login?registered").body()).contains("Check your inbox");
        assertThat(userExists("a2_intruder")).isFalse();

        awaitTrue("two mails to the owner's address", Duration.ofSeconds(10), () -> mailTo("a2-owner@example.uz").size() == 2);
        List<String> subjects = mailTo("a2-owner@example.uz").stream().map(SecurityAccountsEndToEndTest::subject).toList();
        // the owner registered with Accept-Language: en, so the notice is in English
        assertThat(subjects).containsExactlyInAnyOrder("Suhbat: confirm your e-mail address", "Suhbat: someone tried to register with your address");
        MimeMessage notice = mailTo("a2-owner@example.uz").stream()
                .filter(m -> subject(m).contains("someone tried")).findFirst().orElseThrow();
        try {
            assertThat(notice.getContent().toString()).contains("Hello a2_owner,").contains(BASE_URL + "/forgot-password").doesNotContain("token=");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> headerNames(HttpResponse<?> response) {
        return response.headers().map().keySet().stream().filter(h -> !h.equalsIgnoreCase("set-cookie") && !h.equalsIgnoreCase("date"))
                .sorted().toList();
    }

    /** A3: a reset request answers the same page for a known and an unknown address; only the known one gets mail. */
    @Test
    void a3_resetAnswersTheSameForKnownAndUnknownAddresses() {
        browser().register("a3_known", "a3-known@example.uz", "a long passphrase a3");
        awaitTrue("the verification mail", Duration.ofSeconds(10), () -> mailTo("a3-known@example.uz").size() == 1);

        AccountsDriver asker = browser();
        HttpResponse<String> known = asker.submit("/forgot-password", "/forgot-password", "email", "a3-known@example.uz");
        HttpResponse<String> unknown = asker.submit("/forgot-password", "/forgot-password", "email", "a3-nobody@example.uz");

        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(withoutCsrf(known.body())).isEqualTo(withoutCsrf(unknown.body()).replace("a3-nobody", "a3-known"))
                .contains("If an account uses this address");
        awaitTrue("the reset mail", Duration.ofSeconds(10), () -> mailTo("a3-known@example.uz").size() == 2);
        assertThat(mailTo("a3-nobody@example.uz")).isEmpty();
    }

    private static String withoutCsrf(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("<meta name=\"_csrf\" content=\"[^\"]*\">", "");
    }

    /**
     * A4: account mail goes out after the answer, off the request's thread. The test SMTP server holds every mail to a
     * {@code slow-mail} address until released: the registration and reset answers must arrive while it is held.
     */
    @Test
    void a4_mailIsSentAfterTheAnswerNotWithinIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger held = new AtomicInteger();
        var users = MAIL.getUserManager();
        MessageDeliveryHandler normal = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            if (address.getEmail().contains("slow-mail")) {
                held.incrementAndGet();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return normal.handle(message, address);
        });
        try {
            CompletableFuture<HttpResponse<String>> registering = CompletableFuture.supplyAsync(
                    () -> browser().register("a4_slow", "a4-slow-mail@example.uz", "a long passphrase a4"));
            HttpResponse<String> registered = registering.get(8, TimeUnit.SECONDS);
            assertThat(location(registered)).endsWith("/login?registered");
            awaitTrue("the verification mail reached the SMTP server", Duration.ofSeconds(10), () -> held.get() == 1);
            assertThat(mailTo("a4-slow-mail@example.uz")).as("still held at the SMTP server").isEmpty();

            AccountsDriver asker = browser();
            CompletableFuture<HttpResponse<String>> resetting = CompletableFuture.supplyAsync(
                    () -> asker.submit("/forgot-password", "/forgot-password", "email", "a4-slow-mail@example.uz"));
            assertThat(resetting.get(8, TimeUnit.SECONDS).body()).contains("If an account uses this address");
        } finally {
            release.countDown();
            users.setMessageDeliveryHandler(normal);
        }
        awaitTrue("both mails delivered once released", Duration.ofSeconds(15), () -> mailTo("a4-slow-mail@example.uz").size() == 2);
    }

    /** A5: many registrations of one new address at once: each gets the normal answer, one account exists, no 500. */
    @Test
    void a5_concurrentRegistrationsOfOneAddressMakeOneAccountAndNo500() throws Exception {
        int n = 6;
        List<AccountsDriver> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AccountsDriver b = browser();
            browsers.add(b);
            tokens.add(AccountsDriver.csrfOf(b.get("/register").body()));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return browsers.get(k).postForm("/register", java.util.Map.of("_csrf", tokens.get(k), "username", "a5_racer" + k,
                            "email", "a5-race@example.uz", "password", "a long passphrase a5"));
                }, pool));
            }
            start.countDown();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(302);
                assertThat(location(response)).endsWith("/login?registered");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.fetchCount(db.selectFrom("user").where("email = 'a5-race@example.uz'"))).isEqualTo(1);
    }

    /** A5: many registrations of one username at once: one account, the others are told the name is taken (200), no 500. */
    @Test
    void a5_concurrentRegistrationsOfOneUsernameAreToldItIsTaken() throws Exception {
        int n = 6;
        List<AccountsDriver> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AccountsDriver b = browser();
            browsers.add(b);
            tokens.add(AccountsDriver.csrfOf(b.get("/register").body()));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return browsers.get(k).postForm("/register", java.util.Map.of("_csrf", tokens.get(k), "username", "a5_samename",
                            "email", "a5-name" + k + "@example.uz", "password", "a long passphrase a5n"));
                }, pool));
            }
            start.countDown();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 200) {
                    assertThat(response.body()).contains("This username is taken.");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(302, 200).containsOnlyOnce(302);
        assertThat(db.fetchCount(db.selectFrom("user").where("username = 'a5_samename'"))).isEqualTo(1);
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package uz.suhbat.application.service.account;

import static org.assertj.core.api.Assertions.assertThat;
import uz.suhbat.domain.shared.Problem;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.in.account.RegisterUseCase.Command;
import uz.suhbat.application.port.in.account.RegisterUseCase.CheckInbox;
import uz.suhbat.application.port.in.account.RegisterUseCase.Rejected;
import uz.suhbat.application.port.in.account.RegisterUseCase.Result;
import uz.suhbat.application.port.in.account.VerifyEmailUseCase.Resend;
import uz.suhbat.domain.user.User;

class RegistrationTest extends AccountsFixture {

    @Test
    void givenValidInput_whenRegistering_thenUserIsStoredHashedUnverifiedAndAVerificationLinkIsMailed() {
        Result result = registration.register(new Command("Nodira", "Nodira@Example.uz", "my long passphrase", "en"));

        assertThat(result).isInstanceOf(CheckInbox.class);
        User user = users.findByUsername(new uz.suhbat.domain.user.Username("nodira")).orElseThrow();
        assertThat(user.passwordHash()).isNotEqualTo("my long passphrase");
        assertThat(hashing.matches("my long passphrase", user.passwordHash())).isTrue();
        assertThat(user.emailVerified()).isFalse();
        assertThat(user.mayChat()).isFalse();
        assertThat(mail.last().to().value()).isEqualTo("nodira@example.uz");
        assertThat(mail.last().language()).isEqualTo("en");
        assertThat(mail.last().link()).startsWith("https://suhbat.example.uz/verify?token=");
    }

    @Test
    void givenBadInput_whenRegistering_thenEveryFieldIsReported() {
        Result result = registration.register(new Command("a", "not-an-email", "short", "uz"));

        assertThat(((Rejected) result).errors()).containsEntry("username", Problem.USERNAME_INVALID)
                .containsEntry("email", Problem.EMAIL_INVALID)
                .containsEntry("password", Problem.PASSWORD_TOO_SHORT);
        assertThat(mail.sent()).isEmpty();
    }

    @Test
    void givenCommonPasswords_whenRegistering_thenRefused() {
        assertThat(((Rejected) registration.register(new Command("aziz", "aziz@example.uz", "Password123", "uz"))).errors())
                .containsEntry("password", Problem.PASSWORD_COMMON);
        assertThat(((Rejected) registration.register(new Command("aziz", "aziz@example.uz", "aaaaaaaaaa", "uz"))).errors())
                .containsEntry("password", Problem.PASSWORD_COMMON);
    }

    @Test
    void givenLongAndNonLatinPasswords_whenRegistering_thenAccepted() {
        String over72Bytes = "пароль-очень-длинный-".repeat(5);
        assertThat(over72Bytes.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);

        assertThat(registration.register(new Command("ivan", "ivan@example.uz", over72Bytes, "uz"))).isInstanceOf(CheckInbox.class);
        assertThat(registration.register(new Command("olim", "olim@example.uz", "oʻzbekcha parol", "uz"))).isInstanceOf(CheckInbox.class);
    }

    @Test
    void givenATakenUsername_whenRegistering_thenRefusedWithoutRegardToCase() {
        registered("Bobur");

        Rejected rejected = (Rejected) registration.register(new Command("BOBUR", "bobur-2@example.uz", "another long secret", "uz"));

        assertThat(rejected.errors()).containsOnlyKeys("username").containsEntry("username", Problem.USERNAME_TAKEN);
    }

    @Test
    void givenATakenAddress_whenRegistering_thenTheSameAnswerAsANewOneAndItsOwnerIsToldInsteadOfAVerification() {
        long owner = registered("Bekzod");
        int before = mail.sent().size();

        Result again = registration.register(new Command("someone_else", "BEKZOD@example.uz", "another long secret", "en"));

        assertThat(again).isInstanceOf(CheckInbox.class);
        assertThat(users.findByUsername(new uz.suhbat.domain.user.Username("someone_else"))).as("no second account").isEmpty();
        assertThat(mail.sent()).hasSize(before + 1);
        assertThat(mail.last().kind()).isEqualTo("registration-attempt");
        assertThat(mail.last().to().value()).isEqualTo("bekzod@example.uz");
        assertThat(mail.last().username().value()).isEqualTo("Bekzod");
        assertThat(mail.last().language()).as("the owner's language").isEqualTo("uz");
        assertThat(mail.last().link()).isEqualTo("https://suhbat.example.uz/forgot-password");
        assertThat(users.findById(owner).orElseThrow().passwordHash()).isNotEqualTo(hashing.hash("another long secret"));
    }

    @Test
    void givenAMailQueueThatFails_whenRegistering_thenTheAccountStandsAndTheAnswerIsTheSame() {
        var failingMail = new uz.suhbat.application.port.out.account.AccountMailPort() {
            @Override
            public void sendVerification(uz.suhbat.domain.user.EmailAddress to, uz.suhbat.domain.user.Username username, String link, String language) {
                throw new IllegalStateException("SMTP down; link " + link);
            }

            @Override
            public void sendPasswordReset(uz.suhbat.domain.user.EmailAddress to, uz.suhbat.domain.user.Username username, String link, String language) {
                throw new IllegalStateException("SMTP down");
            }

            @Override
            public void sendRegistrationAttempt(uz.suhbat.domain.user.EmailAddress to, uz.suhbat.domain.user.Username username, String link, String language) {
                throw new IllegalStateException("SMTP down");
            }
        };
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        RegistrationService queuedAccounts = new RegistrationService(users, tokens, hashing,
                new AccountMail(failingMail, tokens, throttles, clock, "https://suhbat.example.uz", queued::add), clock);

        assertThat(queuedAccounts.register(new Command("queued", "queued@example.uz", "long enough secret", "uz"))).isInstanceOf(CheckInbox.class);
        assertThat(queuedAccounts.register(new Command("queued2", "queued@example.uz", "long enough secret", "uz"))).isInstanceOf(CheckInbox.class);
        assertThat(queued).as("mail work waits for the queue, after the answer").hasSize(2);
        assertThat(tokens.count()).as("not even the token is written before the answer").isZero();

        queued.forEach(Runnable::run); // fails inside, logged, thrown nowhere
        assertThat(users.findByUsername(new uz.suhbat.domain.user.Username("queued"))).isPresent();
    }

    @Test
    void givenAVerificationLink_whenUsed_thenVerifiesOnceOnly() {
        long id = registered("dilnoza");
        String token = mail.last().token();

        assertThat(registration.verify(token)).isTrue();
        assertThat(users.findById(id).orElseThrow().mayChat()).isTrue();
        assertThat(registration.verify(token)).isFalse();
    }

    @Test
    void givenAVerificationLink_whenUsedAfter24Hours_thenRefused() {
        registered("jasur");
        String token = mail.last().token();

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        String secondToken = registration.resendVerification(users.findByEmail(mail.last().to()).orElseThrow().id()) == Resend.SENT
                ? mail.last().token() : null;
        assertThat(registration.verify(token)).as("an older link is replaced by the new one").isFalse();

        clock.advance(Duration.ofHours(24));
        assertThat(registration.verify(secondToken)).as("24 hours later").isFalse();
    }

    @Test
    void givenAVerificationLink_whenUsedJustBefore24Hours_thenAccepted() {
        registered("kamola");
        String token = mail.last().token();

        clock.advance(Duration.ofHours(24).minusMillis(1));

        assertThat(registration.verify(token)).isTrue();
    }

    @Test
    void givenResendRequests_whenTooMany_thenThrottled() {
        long id = registered("sardor");

        assertThat(registration.resendVerification(id)).isEqualTo(Resend.SENT);
        assertThat(registration.resendVerification(id)).isEqualTo(Resend.SENT);
        assertThat(registration.resendVerification(id)).isEqualTo(Resend.SENT);
        assertThat(registration.resendVerification(id)).isEqualTo(Resend.THROTTLED);

        clock.advance(Duration.ofMinutes(16));
        assertThat(registration.resendVerification(id)).isEqualTo(Resend.SENT);
    }
}

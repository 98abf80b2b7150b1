package uz.suhbat.application.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.in.account.RegisterUseCase.Command;
import uz.suhbat.application.port.in.account.RegisterUseCase.Registered;
import uz.suhbat.application.port.in.account.RegisterUseCase.Rejected;
import uz.suhbat.application.port.in.account.RegisterUseCase.Result;
import uz.suhbat.application.port.in.account.VerifyEmailUseCase.Resend;
import uz.suhbat.domain.user.User;

class RegistrationTest extends AccountsFixture {

    @Test
    void givenValidInput_whenRegistering_thenUserIsStoredHashedUnverifiedAndAVerificationLinkIsMailed() {
        Result result = accounts.register(new Command("Nodira", "Nodira@Example.uz", "my long passphrase", "en"));

        long id = ((Registered) result).userId();
        User user = users.findById(id).orElseThrow();
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
        Result result = accounts.register(new Command("a", "not-an-email", "short", "uz"));

        assertThat(((Rejected) result).errors()).containsEntry("username", "validation.username.invalid")
                .containsEntry("email", "validation.email.invalid")
                .containsEntry("password", "validation.password.tooShort");
        assertThat(mail.sent()).isEmpty();
    }

    @Test
    void givenCommonPasswords_whenRegistering_thenRefused() {
        assertThat(((Rejected) accounts.register(new Command("aziz", "aziz@example.uz", "Password123", "uz"))).errors())
                .containsEntry("password", "validation.password.common");
        assertThat(((Rejected) accounts.register(new Command("aziz", "aziz@example.uz", "aaaaaaaaaa", "uz"))).errors())
                .containsEntry("password", "validation.password.common");
    }

    @Test
    void givenLongAndNonLatinPasswords_whenRegistering_thenAccepted() {
        String over72Bytes = "пароль-очень-длинный-".repeat(5);
        assertThat(over72Bytes.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);

        assertThat(accounts.register(new Command("ivan", "ivan@example.uz", over72Bytes, "uz"))).isInstanceOf(Registered.class);
        assertThat(accounts.register(new Command("olim", "olim@example.uz", "oʻzbekcha parol", "uz"))).isInstanceOf(Registered.class);
    }

    @Test
    void givenTakenUsernameOrEmail_whenRegistering_thenRefusedWithoutRegardToCase() {
        registered("Bobur");

        Rejected rejected = (Rejected) accounts.register(new Command("BOBUR", "BOBUR@example.uz", "another long secret", "uz"));

        assertThat(rejected.errors()).containsEntry("username", "validation.username.taken").containsEntry("email", "validation.email.taken");
    }

    @Test
    void givenAVerificationLink_whenUsed_thenVerifiesOnceOnly() {
        long id = registered("dilnoza");
        String token = mail.last().token();

        assertThat(accounts.verify(token)).isTrue();
        assertThat(users.findById(id).orElseThrow().mayChat()).isTrue();
        assertThat(accounts.verify(token)).isFalse();
    }

    @Test
    void givenAVerificationLink_whenUsedAfter24Hours_thenRefused() {
        registered("jasur");
        String token = mail.last().token();

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        String secondToken = accounts.resendVerification(users.findByEmail(mail.last().to()).orElseThrow().id()) == Resend.SENT
                ? mail.last().token() : null;
        assertThat(accounts.verify(token)).as("an older link is replaced by the new one").isFalse();

        clock.advance(Duration.ofHours(24));
        assertThat(accounts.verify(secondToken)).as("24 hours later").isFalse();
    }

    @Test
    void givenAVerificationLink_whenUsedJustBefore24Hours_thenAccepted() {
        registered("kamola");
        String token = mail.last().token();

        clock.advance(Duration.ofHours(24).minusMillis(1));

        assertThat(accounts.verify(token)).isTrue();
    }

    @Test
    void givenResendRequests_whenTooMany_thenThrottled() {
        long id = registered("sardor");

        assertThat(accounts.resendVerification(id)).isEqualTo(Resend.SENT);
        assertThat(accounts.resendVerification(id)).isEqualTo(Resend.SENT);
        assertThat(accounts.resendVerification(id)).isEqualTo(Resend.SENT);
        assertThat(accounts.resendVerification(id)).isEqualTo(Resend.THROTTLED);

        clock.advance(Duration.ofMinutes(16));
        assertThat(accounts.resendVerification(id)).isEqualTo(Resend.SENT);
    }
}

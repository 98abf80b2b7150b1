package uz.suhbat.application.port.out.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.OneTimeToken;
import uz.suhbat.domain.user.TokenPurpose;

/** What every {@link OneTimeTokenRepository} must do; subclasses provide an existing user id. */
public abstract class OneTimeTokenRepositoryContract {

    protected abstract OneTimeTokenRepository emptyRepository();

    protected abstract long userId();

    @Test
    void aTokenCanBeTakenOnceAndOnlyForItsPurpose() {
        OneTimeTokenRepository tokens = emptyRepository();
        OneTimeToken token = new OneTimeToken("f".repeat(64), userId(), TokenPurpose.PASSWORD_RESET,
                new EmailAddress("a@example.uz"), Instant.parse("2026-11-26T08:30:00.123Z"));
        tokens.save(token);

        assertThat(tokens.find("f".repeat(64), TokenPurpose.EMAIL_VERIFICATION)).isEmpty();
        assertThat(tokens.find("f".repeat(64), TokenPurpose.PASSWORD_RESET)).contains(token);
        assertThat(tokens.take("f".repeat(64), TokenPurpose.PASSWORD_RESET)).contains(token);
        assertThat(tokens.take("f".repeat(64), TokenPurpose.PASSWORD_RESET)).isEmpty();
    }

    @Test
    void deletesAllOfAUserForOnePurpose() {
        OneTimeTokenRepository tokens = emptyRepository();
        Instant until = Instant.parse("2026-11-27T08:00:00Z");
        tokens.save(new OneTimeToken("1".repeat(64), userId(), TokenPurpose.EMAIL_VERIFICATION, new EmailAddress("a@example.uz"), until));
        tokens.save(new OneTimeToken("2".repeat(64), userId(), TokenPurpose.PASSWORD_RESET, new EmailAddress("a@example.uz"), until));

        tokens.deleteAll(userId(), TokenPurpose.EMAIL_VERIFICATION);

        assertThat(tokens.find("1".repeat(64), TokenPurpose.EMAIL_VERIFICATION)).isEmpty();
        assertThat(tokens.find("2".repeat(64), TokenPurpose.PASSWORD_RESET)).isPresent();
    }
}

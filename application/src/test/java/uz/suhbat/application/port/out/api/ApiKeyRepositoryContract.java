package uz.suhbat.application.port.out.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.api.ApiKey;

/** What every {@link ApiKeyRepository} and {@link ApiUsageRepository} must do. */
public abstract class ApiKeyRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);

    /** Called first in every test: a store with no keys, no usage and the API open. */
    protected abstract ApiKeyRepository emptyKeys();

    /** Usage over the same store as the last {@link #emptyKeys()}. */
    protected abstract ApiUsageRepository usage();

    /** A user named {@code name}, blocked or not. */
    protected abstract long givenUser(String name, boolean blocked);

    @Test
    void aKeyIsFoundByItsHashOnlyUntilRevoked_andListedNewestFirst() {
        ApiKeyRepository keys = emptyKeys();
        long aziz = givenUser("aziz", false);
        ApiKey laptop = keys.create(aziz, "laptop", "sk-suhbat-aaaaaa", "a".repeat(64), NOW);
        ApiKey bot = keys.create(aziz, "bot", "sk-suhbat-bbbbbb", "b".repeat(64), NOW.plusSeconds(1));

        assertThat(keys.activeKeys(aziz)).extracting(ApiKey::name).containsExactly("bot", "laptop");
        assertThat(keys.findActive("a".repeat(64))).get().satisfies(h -> {
            assertThat(h.keyId()).isEqualTo(laptop.id());
            assertThat(h.userId()).isEqualTo(aziz);
            assertThat(h.userBlocked()).isFalse();
            assertThat(h.apiOpen()).isTrue();
            assertThat(h.userApiDisabled()).isFalse();
        });
        assertThat(keys.findActive("c".repeat(64))).isEmpty();

        long other = givenUser("other", false);
        assertThat(keys.revoke(other, laptop.id(), NOW)).as("only the owner revokes").isFalse();
        assertThat(keys.revoke(aziz, laptop.id(), NOW)).isTrue();
        assertThat(keys.revoke(aziz, laptop.id(), NOW)).as("once").isFalse();
        assertThat(keys.findActive("a".repeat(64))).isEmpty();
        assertThat(keys.activeKeys(aziz)).extracting(ApiKey::id).containsExactly(bot.id());

        assertThat(keys.revokeAll(aziz, NOW)).isEqualTo(1);
        assertThat(keys.activeKeys(aziz)).isEmpty();
    }

    @Test
    void theSwitchesAndTheOwnersBlockTravelWithTheKey() {
        ApiKeyRepository keys = emptyKeys();
        long blocked = givenUser("blocked", true);
        long aziz = givenUser("aziz", false);
        keys.create(blocked, "k", "sk-suhbat-aaaaaa", "a".repeat(64), NOW);
        keys.create(aziz, "k", "sk-suhbat-bbbbbb", "b".repeat(64), NOW);
        assertThat(keys.findActive("a".repeat(64))).get().extracting(ApiKeyRepository.KeyHolder::userBlocked).isEqualTo(true);

        assertThat(keys.apiOpen()).isTrue();
        keys.saveApiOpen(false);
        assertThat(keys.apiOpen()).isFalse();
        assertThat(keys.findActive("b".repeat(64))).get().extracting(ApiKeyRepository.KeyHolder::apiOpen).isEqualTo(false);
        keys.saveApiOpen(true);

        assertThat(keys.saveUserApiDisabled(aziz, true)).isTrue();
        assertThat(keys.userApiDisabled(aziz)).isTrue();
        assertThat(keys.usersWithApiOff()).containsExactly(new ApiKeyRepository.UserRef(aziz, "aziz"));
        assertThat(keys.findActive("b".repeat(64))).get().extracting(ApiKeyRepository.KeyHolder::userApiDisabled).isEqualTo(true);
        assertThat(keys.saveUserApiDisabled(aziz + 1000, true)).isFalse();
    }

    @Test
    void aKeysLastUseIsNotedAtMostAboutOnceAMinute() {
        ApiKeyRepository keys = emptyKeys();
        long aziz = givenUser("aziz", false);
        ApiKey key = keys.create(aziz, "k", "sk-suhbat-aaaaaa", "a".repeat(64), NOW);
        assertThat(keys.activeKeys(aziz).getFirst().lastUsedAt()).isNull();

        keys.touch(key.id(), NOW.plusSeconds(5));
        keys.touch(key.id(), NOW.plusSeconds(30));
        assertThat(keys.activeKeys(aziz).getFirst().lastUsedAt()).isEqualTo(NOW.plusSeconds(5));
        keys.touch(key.id(), NOW.plus(Duration.ofMinutes(2)));
        assertThat(keys.activeKeys(aziz).getFirst().lastUsedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    }

    @Test
    void usageAddsUpPerKeyAndPerDay_andRevokedKeysStillCount() {
        ApiKeyRepository keys = emptyKeys();
        long aziz = givenUser("aziz", false);
        ApiKey one = keys.create(aziz, "one", "sk-suhbat-aaaaaa", "a".repeat(64), NOW);
        ApiKey two = keys.create(aziz, "two", "sk-suhbat-bbbbbb", "b".repeat(64), NOW);
        usage().record(one.id(), DAY, "gpt-4o-mini", 10, 5);
        usage().record(one.id(), DAY, "pdf-3", 7, 3);
        usage().record(one.id(), DAY.minusDays(1), "gpt-4o-mini", 1, 1);
        usage().record(two.id(), DAY, "gpt-4o-mini", 2, 2);
        keys.revoke(aziz, one.id(), NOW);

        assertThat(usage().usageByKey(DAY, DAY)).satisfiesExactly(
                first -> {
                    assertThat(first.keyId()).isEqualTo(one.id());
                    assertThat(first.username()).isEqualTo("aziz");
                    assertThat(first.keyName()).isEqualTo("one");
                    assertThat(first.revoked()).isTrue();
                    assertThat(first.requests()).isEqualTo(2);
                    assertThat(first.inputTokens()).isEqualTo(17);
                    assertThat(first.outputTokens()).isEqualTo(8);
                },
                second -> assertThat(second.requests()).isEqualTo(1));
        assertThat(usage().usageByDay(DAY.minusDays(1), DAY)).containsExactly(
                new ApiUsageRepository.DayUsage(DAY.minusDays(1), 1, 1, 1),
                new ApiUsageRepository.DayUsage(DAY, 3, 19, 10));

        assertThat(usage().storedExchanges(two.id())).isZero();
        usage().storeExchange(two.id(), NOW, "gpt-4o-mini", "Salom?", "Salom!");
        assertThat(usage().storedExchanges(two.id())).isEqualTo(1);
    }
}

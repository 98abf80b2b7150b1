package uz.suhbat.application.port.out.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.user.DeviceLogin;

/** What every {@link DeviceLoginRepository} must do; subclasses provide two existing user ids. */
public abstract class DeviceLoginRepositoryContract {

    protected static final Instant NOW = Instant.parse("2026-11-26T08:00:00.500Z");

    protected abstract DeviceLoginRepository emptyRepository();

    protected abstract long userId(int which);

    @Test
    void savesFindsRotatesAndLists() {
        DeviceLoginRepository devices = emptyRepository();
        long user = userId(1);
        DeviceLogin saved = devices.save(DeviceLogin.start("series-1", user, "a".repeat(64), NOW, "Firefox"));
        devices.save(DeviceLogin.start("series-2", user, "b".repeat(64), NOW.plusSeconds(5), "Phone"));

        assertThat(devices.findBySeries("series-1")).contains(saved);
        DeviceLogin rotated = devices.save(saved.rotate("c".repeat(64), NOW.plus(Duration.ofMinutes(1))));
        assertThat(devices.findBySeries("series-1")).contains(rotated);
        assertThat(rotated.previousTokenHash()).isEqualTo("a".repeat(64));

        assertThat(devices.findByUser(user)).extracting(DeviceLogin::series).containsExactly("series-1", "series-2");
        assertThat(devices.findByUser(userId(2))).isEmpty();
    }

    @Test
    void ofTwoRotationsFromTheSameTokenOnlyTheFirstTakesEffect() {
        DeviceLoginRepository devices = emptyRepository();
        DeviceLogin saved = devices.save(DeviceLogin.start("series-r", userId(1), "a".repeat(64), NOW, null));
        Instant later = NOW.plus(Duration.ofMinutes(1));

        assertThat(devices.rotate(saved.id(), "a".repeat(64), "b".repeat(64), later)).isTrue();
        assertThat(devices.rotate(saved.id(), "a".repeat(64), "c".repeat(64), later)).as("the token is no longer a…").isFalse();

        DeviceLogin now = devices.findBySeries("series-r").orElseThrow();
        assertThat(now.tokenHash()).isEqualTo("b".repeat(64));
        assertThat(now.previousTokenHash()).isEqualTo("a".repeat(64));
        assertThat(now.rotatedAt()).isEqualTo(later);
        assertThat(now.lastUsedAt()).isEqualTo(later);

        devices.visited(saved.id(), later.plusSeconds(90));
        DeviceLogin visited = devices.findBySeries("series-r").orElseThrow();
        assertThat(visited.lastUsedAt()).isEqualTo(later.plusSeconds(90));
        assertThat(visited.tokenHash()).as("a visit leaves the token alone").isEqualTo("b".repeat(64));
    }

    @Test
    void deletesOneBySeriesOrAll() {
        DeviceLoginRepository devices = emptyRepository();
        DeviceLogin one = devices.save(DeviceLogin.start("s-1", userId(1), "a".repeat(64), NOW, null));
        devices.save(DeviceLogin.start("s-2", userId(1), "b".repeat(64), NOW, null));
        devices.save(DeviceLogin.start("s-3", userId(1), "c".repeat(64), NOW, null));
        devices.save(DeviceLogin.start("s-4", userId(2), "d".repeat(64), NOW, null));

        devices.delete(userId(2), one.id());
        assertThat(devices.findBySeries("s-1")).as("only the owner can delete a device").isPresent();
        devices.delete(userId(1), one.id());
        devices.deleteBySeries("s-2");
        assertThat(devices.findByUser(userId(1))).extracting(DeviceLogin::series).containsExactly("s-3");

        devices.deleteAllOfUser(userId(1));
        assertThat(devices.findByUser(userId(1))).isEmpty();
        assertThat(devices.findByUser(userId(2))).hasSize(1);
    }
}

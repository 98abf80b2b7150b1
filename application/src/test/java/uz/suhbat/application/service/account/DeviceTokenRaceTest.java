package uz.suhbat.application.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.in.account.DeviceLoginUseCase.Invalid;
import uz.suhbat.application.port.in.account.DeviceLoginUseCase.Resumed;
import uz.suhbat.application.port.in.account.DeviceLoginUseCase.Valid;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.domain.user.DeviceLogin;

/**
 * Two requests of one browser arrive at once with the same device cookie (two tabs, a page and its
 * API calls, two nodes): both read the device before either writes. Only one may rotate the token;
 * the other goes on without a new cookie, so whichever answer the browser reads last it never holds
 * a token the database calls stolen.
 */
class DeviceTokenRaceTest extends AccountsFixture {

    /** Lets two readers of a device through together, so both have read before either writes. */
    private final CyclicBarrier bothHaveRead = new CyclicBarrier(2);

    private final DeviceLoginRepository racing = new DeviceLoginRepository() {
        @Override
        public DeviceLogin save(DeviceLogin device) {
            return devices.save(device);
        }

        @Override
        public Optional<DeviceLogin> findBySeries(String series) {
            Optional<DeviceLogin> found = devices.findBySeries(series);
            try {
                bothHaveRead.await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return found;
        }

        @Override
        public boolean rotate(long deviceId, String expectedTokenHash, String newTokenHash, Instant now) {
            return devices.rotate(deviceId, expectedTokenHash, newTokenHash, now);
        }

        @Override
        public void visited(long deviceId, Instant now) {
            devices.visited(deviceId, now);
        }

        @Override
        public List<DeviceLogin> findByUser(long userId) {
            return devices.findByUser(userId);
        }

        @Override
        public void delete(long userId, long deviceId) {
            devices.delete(userId, deviceId);
        }

        @Override
        public void deleteBySeries(String series) {
            devices.deleteBySeries(series);
        }

        @Override
        public void deleteAllOfUser(long userId) {
            devices.deleteAllOfUser(userId);
        }
    };

    @Test
    void ofTwoRequestsWithTheSameTokenOneRotatesAndTheOtherGoesOnWithoutSigningAnyoneOut() {
        long id = verified("twotabs");
        String cookie = deviceLogins.remember(id, "Chromium");
        DeviceLoginService racingService = new DeviceLoginService(racing, users, clock);
        clock.advance(Duration.ofMinutes(5));

        List<Valid> answers;
        try (ExecutorService twoRequests = Executors.newFixedThreadPool(2)) {
            CompletableFuture<Resumed> first = CompletableFuture.supplyAsync(() -> racingService.resume(cookie, "Chromium"), twoRequests);
            CompletableFuture<Resumed> second = CompletableFuture.supplyAsync(() -> racingService.resume(cookie, "Chromium"), twoRequests);
            answers = List.of((Valid) first.join(), (Valid) second.join());
        }

        List<String> newCookies = answers.stream().map(Valid::newCookieValue).filter(v -> v != null).toList();
        assertThat(newCookies).as("exactly one request rotated the token").hasSize(1);
        // whichever answer the browser reads last, it holds the winner's token or, for the grace, the old one
        assertThat(deviceLogins.resume(cookie, "Chromium")).as("the old token within the grace").isInstanceOf(Valid.class);
        assertThat(devices.findByUser(id)).as("nobody was signed out").hasSize(1);
        clock.advance(DeviceLogin.ROTATION_GRACE.plusSeconds(1));
        assertThat(deviceLogins.resume(newCookies.getFirst(), "Chromium")).as("the winner's token").isInstanceOf(Valid.class);

        assertThat(deviceLogins.resume(cookie, "Evil")).as("the old token replayed after the grace is theft").isInstanceOf(Invalid.class);
        assertThat(devices.findByUser(id)).as("theft signs every device out").isEmpty();
    }
}

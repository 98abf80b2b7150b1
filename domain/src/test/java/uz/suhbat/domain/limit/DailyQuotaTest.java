package uz.suhbat.domain.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.shared.InvalidValueException;

class DailyQuotaTest {

    @Test
    void acceptsWholeNumbersFromOneToTheCap() {
        assertThat(DailyQuota.parse(" 25 ")).isEqualTo(new DailyQuota(25));
        assertThat(new DailyQuota(DailyQuota.MAX).value()).isEqualTo(100_000);
        for (String bad : new String[] {"0", "-3", "100001", "ten", "", "2.5"}) {
            assertThatThrownBy(() -> DailyQuota.parse(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void theDayIsTheUtcDay_andItResetsAtUtcMidnight() {
        Instant lateEvening = Instant.parse("2026-11-26T23:59:59Z");

        assertThat(DailyQuota.dayOf(lateEvening)).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(DailyQuota.dayOf(Instant.parse("2026-11-27T00:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(DailyQuota.resetAfter(lateEvening)).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    }

    @Test
    void nearlyUsedUpWhenAFifthOrAtLeastThreeAreLeft() {
        DailyQuota fifty = new DailyQuota(50);
        assertThat(fifty.nearlyUsedUp(39)).isFalse();
        assertThat(fifty.nearlyUsedUp(40)).isTrue();
        DailyQuota five = new DailyQuota(5);
        assertThat(five.nearlyUsedUp(1)).isFalse();
        assertThat(five.nearlyUsedUp(2)).isTrue();
        assertThat(five.nearlyUsedUp(5)).isTrue();
    }
}

package uz.suhbat.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.shared.InvalidValueException;

class ReportValuesTest {

    @Test
    void aDateRangeRunsForwardAndAtMostAYear() {
        assertThat(DateRange.lastDays(LocalDate.of(2026, 11, 26), 30).days()).isEqualTo(30);
        assertThatThrownBy(() -> new DateRange(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 25))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void searchesKeepTheirPagesWithinBounds() {
        UserSearch search = new UserSearch(null, null, true, -3, 10_000);
        assertThat(search.text()).isEmpty();
        assertThat(search.sort()).isEqualTo(UserSort.REGISTERED);
        assertThat(search.page()).isEqualTo(1);
        assertThat(search.pageSize()).isEqualTo(UserSearch.MAX_PAGE_SIZE);
        assertThat(UserSort.parse("last_active")).isEqualTo(UserSort.LAST_ACTIVE);
        assertThat(UserSort.parse("drop table")).isEqualTo(UserSort.REGISTERED);
        assertThat(new Page<>(List.of(), 51, 3, 25).pages()).isEqualTo(3);
    }

    @Test
    void aMessageLimitIsAWholeNumberFromOneToTheCap() {
        assertThat(MessageLimit.parse(" 12 ").value()).isEqualTo(12);
        assertThat(new MessageLimit(12).allowsMoreThan(11)).isTrue();
        assertThat(new MessageLimit(12).allowsMoreThan(12)).isFalse();
        for (String bad : new String[] {"", "0", "-1", "ten", "1.5", "100001"}) {
            assertThatThrownBy(() -> MessageLimit.parse(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
    }
}

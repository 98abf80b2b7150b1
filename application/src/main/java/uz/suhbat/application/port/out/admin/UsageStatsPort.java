package uz.suhbat.application.port.out.admin;

import java.util.List;
import uz.suhbat.domain.report.DailyUsage;
import uz.suhbat.domain.report.DateRange;
import uz.suhbat.domain.report.UsageTotals;

/** Aggregates over all users, chats and messages, computed by the store. */
public interface UsageStatsPort {

    UsageTotals totals();

    /** Only days with some use, in date order; the caller fills the gaps. */
    List<DailyUsage> daily(DateRange range);

    /** Totals and the used days of {@code range} together, as {@link #totals()} and {@link #daily(DateRange)} give them. */
    record Usage(UsageTotals totals, List<DailyUsage> daily) {

        public Usage {
            daily = List.copyOf(daily);
        }
    }

    /**
     * What a dashboard view needs, in one go: a store can then share the work both parts have in common
     * (today's live numbers, the check for late rows). Same numbers as the two calls.
     */
    default Usage usage(DateRange range) {
        return new Usage(totals(), daily(range));
    }
}

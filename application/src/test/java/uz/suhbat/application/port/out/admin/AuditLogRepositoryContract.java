package uz.suhbat.application.port.out.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.audit.AuditAction;
import uz.suhbat.domain.audit.AuditEntry;
import uz.suhbat.domain.report.Page;

/** What every {@link AuditLogRepository} must do; run against the fake and the jOOQ adapter. */
public abstract class AuditLogRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00.123Z");

    protected abstract AuditLogRepository emptyRepository();

    @Test
    void pagesTheNewestFirst() {
        AuditLogRepository log = emptyRepository();
        for (int i = 1; i <= 3; i++) {
            log.record(AuditEntry.of(1, "boss", NOW.plusSeconds(i), AuditAction.USER_BLOCKED, "user " + i, "reason <" + i + ">"));
        }

        Page<AuditEntry> first = log.recent(1, 2);
        Page<AuditEntry> second = log.recent(2, 2);

        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).extracting(AuditEntry::target).containsExactly("user 3", "user 2");
        assertThat(second.items()).singleElement().satisfies(e -> {
            assertThat(e.id()).isNotNull();
            assertThat(e.adminUsername()).isEqualTo("boss");
            assertThat(e.at()).isEqualTo(NOW.plusSeconds(1));
            assertThat(e.action()).isEqualTo(AuditAction.USER_BLOCKED);
            assertThat(e.detail()).isEqualTo("reason <1>");
        });
    }
}

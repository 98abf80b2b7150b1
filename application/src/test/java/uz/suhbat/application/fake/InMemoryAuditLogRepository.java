package uz.suhbat.application.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import uz.suhbat.application.port.out.admin.AuditLogRepository;
import uz.suhbat.domain.audit.AuditEntry;
import uz.suhbat.domain.report.Page;

public final class InMemoryAuditLogRepository implements AuditLogRepository {

    private final List<AuditEntry> entries = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(new AuditEntry(ids.incrementAndGet(), entry.adminId(), entry.adminUsername(), entry.at(), entry.action(),
                entry.target(), entry.detail()));
    }

    @Override
    public synchronized Page<AuditEntry> recent(int page, int pageSize) {
        List<AuditEntry> newestFirst = entries.reversed();
        int from = Math.min((page - 1) * pageSize, newestFirst.size());
        return new Page<>(newestFirst.subList(from, Math.min(from + pageSize, newestFirst.size())), newestFirst.size(), page, pageSize);
    }

    /** Everything recorded, oldest first. */
    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }
}

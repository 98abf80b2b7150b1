package uz.suhbat.application.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import uz.suhbat.application.port.out.attachment.AttachmentRepository;
import uz.suhbat.domain.attachment.AttachmentKind;

/** {@link AttachmentRepository} in memory; {@link #deleteChat} plays the foreign key that deletes a chat's files. */
public final class InMemoryAttachments implements AttachmentRepository {

    private record Row(Stored stored, byte[] content, List<String> pages) {
    }

    /** A file carried by a later version of its question. */
    private record Carried(long chatId, int rank, long id) {
    }

    private final Map<Long, Row> rows = new ConcurrentHashMap<>();
    private final java.util.Set<Carried> carried = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public long savePending(long userId, String name, AttachmentKind kind, byte[] content, List<String> pageTexts, int tokens, Instant created) {
        long id = ids.incrementAndGet();
        rows.put(id, new Row(new Stored(id, userId, 0, 0, name, kind, content.length, pageTexts.size(), tokens, created),
                content.clone(), List.copyOf(pageTexts)));
        return id;
    }

    @Override
    public List<Stored> pending(long userId, List<Long> ids) {
        return rows.values().stream().map(Row::stored).filter(s -> s.userId() == userId && s.pending() && ids.contains(s.id()))
                .sorted(Comparator.comparingLong(Stored::id)).toList();
    }

    @Override
    public synchronized int bind(long userId, List<Long> ids, long chatId, int rank) {
        int bound = 0;
        for (Stored s : pending(userId, ids)) {
            Row row = rows.get(s.id());
            rows.put(s.id(), new Row(new Stored(s.id(), s.userId(), chatId, rank, s.name(), s.kind(), s.size(), s.pages(), s.tokens(),
                    s.created()), row.content(), row.pages()));
            bound++;
        }
        return bound;
    }

    @Override
    public synchronized int carry(long chatId, List<Long> ids, int rank) {
        int added = 0;
        for (long id : new java.util.LinkedHashSet<>(ids)) {
            Row row = rows.get(id);
            if (row != null && row.stored().chatId() == chatId && row.stored().rank() != rank && carried.add(new Carried(chatId, rank, id))) {
                added++;
            }
        }
        return added;
    }

    @Override
    public synchronized void release(long chatId, int rank) {
        carried.removeIf(c -> c.chatId() == chatId && c.rank() == rank);
        for (Row row : List.copyOf(rows.values())) {
            Stored s = row.stored();
            if (s.chatId() != chatId || s.rank() != rank) {
                continue;
            }
            Optional<Carried> later = carried.stream().filter(c -> c.id() == s.id()).min(Comparator.comparingInt(Carried::rank));
            if (later.isPresent()) {
                carried.remove(later.get());
                rows.put(s.id(), new Row(new Stored(s.id(), s.userId(), chatId, later.get().rank(), s.name(), s.kind(), s.size(), s.pages(),
                        s.tokens(), s.created()), row.content(), row.pages()));
            } else {
                rows.remove(s.id());
            }
        }
    }

    @Override
    public List<Stored> ofChat(long chatId) {
        List<Stored> all = new ArrayList<>(rows.values().stream().map(Row::stored).filter(s -> s.chatId() == chatId).toList());
        for (Carried c : carried) {
            Row row = rows.get(c.id());
            if (c.chatId() == chatId && row != null) {
                Stored s = row.stored();
                all.add(new Stored(s.id(), s.userId(), chatId, c.rank(), s.name(), s.kind(), s.size(), s.pages(), s.tokens(), s.created()));
            }
        }
        return all.stream().sorted(Comparator.comparingInt(Stored::rank).thenComparingLong(Stored::id)).toList();
    }

    @Override
    public Optional<Stored> find(long id) {
        return Optional.ofNullable(rows.get(id)).map(Row::stored);
    }

    @Override
    public Optional<byte[]> content(long id) {
        return Optional.ofNullable(rows.get(id)).map(r -> r.content().clone());
    }

    @Override
    public List<String> pageTexts(long id) {
        return Optional.ofNullable(rows.get(id)).map(Row::pages).orElse(List.of());
    }

    @Override
    public int deletePendingBefore(Instant cutoff) {
        List<Long> old = new ArrayList<>();
        rows.values().stream().map(Row::stored).filter(s -> s.pending() && s.created().isBefore(cutoff)).forEach(s -> old.add(s.id()));
        old.forEach(rows::remove);
        carried.removeIf(c -> old.contains(c.id()));
        return old.size();
    }

    /** What deleting a chat does to its files (the foreign key's cascade). */
    public void deleteChat(long chatId) {
        rows.values().removeIf(r -> r.stored().chatId() == chatId);
        carried.removeIf(c -> c.chatId() == chatId);
    }
}

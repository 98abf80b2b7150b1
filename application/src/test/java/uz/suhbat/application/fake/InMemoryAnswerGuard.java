package uz.suhbat.application.fake;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uz.suhbat.application.port.out.chat.AnswerGuardPort;
import uz.suhbat.application.port.out.chat.ChatRepository;

/** Claims in a map, for the chats of an in-memory repository. */
public final class InMemoryAnswerGuard implements AnswerGuardPort {

    private record Claim(String owner, Instant since) {
    }

    private final ChatRepository chats;
    private final Map<Long, Claim> claims = new ConcurrentHashMap<>();

    public InMemoryAnswerGuard(ChatRepository chats) {
        this.chats = chats;
    }

    @Override
    public synchronized boolean claim(long chatId, String owner, Instant now, Instant staleBefore) {
        if (chats.find(chatId).isEmpty()) {
            return false;
        }
        Claim held = claims.get(chatId);
        if (held != null && !held.since().isBefore(staleBefore)) {
            return false;
        }
        claims.put(chatId, new Claim(owner, now));
        return true;
    }

    @Override
    public synchronized void keepAlive(long chatId, String owner, Instant now) {
        claims.computeIfPresent(chatId, (id, held) -> held.owner().equals(owner) ? new Claim(owner, now) : held);
    }

    @Override
    public synchronized void release(long chatId, String owner) {
        claims.computeIfPresent(chatId, (id, held) -> held.owner().equals(owner) ? null : held);
    }

    /** Whether an answer holds the chat now (for tests). */
    public boolean held(long chatId) {
        return claims.containsKey(chatId);
    }
}

package uz.suhbat.application.fake;

import java.time.Instant;
import uz.suhbat.application.port.out.chat.AnswerGuardPort;
import uz.suhbat.application.port.out.chat.AnswerGuardPortContract;

class InMemoryAnswerGuardTest extends AnswerGuardPortContract {

    private InMemoryChatRepository chats;

    @Override
    protected AnswerGuardPort guard() {
        chats = new InMemoryChatRepository();
        return new InMemoryAnswerGuard(chats);
    }

    @Override
    protected long newChat() {
        return chats.create(1, "t", "m", 5, Instant.EPOCH);
    }
}

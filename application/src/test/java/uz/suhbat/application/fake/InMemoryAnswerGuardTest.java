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
        return chats.createWithFirstMessage(1, "t", "m", new uz.suhbat.domain.limit.MessageLimit(5), "q", Instant.EPOCH).chat().id();
    }
}

package uz.suhbat.application.service.account;

import uz.suhbat.application.port.in.chat.StartChatUseCase;
import uz.suhbat.application.port.out.chat.NewChatReadPort;

/**
 * What the session check of a request that starts a chat read of its author ({@code SessionCheckService#checkStartingChat}),
 * for {@code StartChatService}: the same read the chat would make, made once. Lives only as long as its request.
 */
public record NewChatReadAhead(long userId, NewChatReadPort.NewChatFacts facts) implements StartChatUseCase.AuthorReadAhead {
}

package uz.suhbat.bootstrap;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.port.out.chat.AnswerGuardPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.service.chat.MessageVersionsService;

/**
 * Versions and branches of a chat's messages: switching versions and removing an unanswered question. (Editing a
 * question is {@code SendMessageService}, which is also the {@code EditMessageUseCase}.)
 */
@Configuration(proxyBeanMethods = false)
class MessageVersionsWiring {

    @Bean
    MessageVersionsService messageVersionsService(ChatRepository chats, AnswerGuardPort answerGuard, Clock clock) {
        return new MessageVersionsService(chats, answerGuard, clock);
    }
}

package uz.suhbat.bootstrap;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import uz.suhbat.application.port.in.chat.StartChatUseCase;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.attachment.AttachmentRepository;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.conversation.ChatSearchRepository;
import uz.suhbat.application.port.out.conversation.ChatShareRepository;
import uz.suhbat.application.port.out.conversation.ChatShelfRepository;
import uz.suhbat.application.port.out.conversation.FeedbackRepository;
import uz.suhbat.application.port.out.conversation.SharingSettingRepository;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.application.service.chat.ModelCatalog;
import uz.suhbat.application.service.chat.ModelTitles;
import uz.suhbat.application.service.chat.StartChatService;
import uz.suhbat.application.service.conversation.FeedbackService;
import uz.suhbat.application.service.conversation.MyDataService;
import uz.suhbat.application.service.conversation.OrganizeChatsService;
import uz.suhbat.application.service.conversation.SearchChatsService;
import uz.suhbat.application.service.conversation.ShareChatService;
import uz.suhbat.application.service.conversation.SharingSwitchService;

/** The conversation controls of issue 15 (part 2): model-written titles, pins and archives, search, share links, feedback, my data. */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    @Bean
    ModelTitles modelTitles(ChatShelfRepository shelf, ChatModelPort model, ModelCatalog catalog, SuhbatSettings settings) {
        return new ModelTitles(shelf, model, catalog, settings.titleModel());
    }

    /** Starting a chat as {@link StartChatService} does, and then a model's title once the first answer is stored. */
    @Bean
    @Primary
    StartChatUseCase titledStartChat(StartChatService starting, ModelTitles titles) {
        return titles.around(starting);
    }

    @Bean
    OrganizeChatsService organizeChatsService(ChatRepository chats, ChatShelfRepository shelf, Clock clock) {
        return new OrganizeChatsService(chats, shelf, clock);
    }

    @Bean
    SearchChatsService searchChatsService(ChatSearchRepository search, ChatShelfRepository shelf) {
        return new SearchChatsService(search, shelf);
    }

    @Bean
    ShareChatService shareChatService(ChatRepository chats, ChatShareRepository shares, SharingSettingRepository setting,
                                      AttachmentRepository attachments, Clock clock) {
        return new ShareChatService(chats, shares, setting, attachments, clock);
    }

    @Bean
    SharingSwitchService sharingSwitchService(SharingSettingRepository setting, AuditTrail audit) {
        return new SharingSwitchService(setting, audit);
    }

    @Bean
    FeedbackService feedbackService(ChatRepository chats, FeedbackRepository feedback, Clock clock) {
        return new FeedbackService(chats, feedback, clock);
    }

    @Bean
    MyDataService myDataService(ChatRepository chats, ChatShelfRepository shelf, AttachmentRepository attachments) {
        return new MyDataService(chats, shelf, attachments);
    }
}

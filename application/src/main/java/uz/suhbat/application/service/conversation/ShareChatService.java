package uz.suhbat.application.service.conversation;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import uz.suhbat.application.port.in.conversation.ShareChatUseCase;
import uz.suhbat.application.port.out.attachment.AttachmentRepository;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.conversation.ChatShareRepository;
import uz.suhbat.application.port.out.conversation.SharingSettingRepository;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.Role;

/**
 * Read-only links to a chat as it was when shared. The messages are copied at that moment (user messages and answers
 * only), so what comes later does not show; the token is 24 random bytes, URL-safe. A question's attached files are
 * copied by name, kind and pages only: a link never serves a file's content.
 */
public final class ShareChatService implements ShareChatUseCase {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A token as made here: 32 URL-safe base-64 characters; anything else is not looked up. */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{32}");

    private final ChatRepository chats;
    private final ChatShareRepository shares;
    private final SharingSettingRepository setting;
    private final AttachmentRepository attachments;
    private final Clock clock;

    public ShareChatService(ChatRepository chats, ChatShareRepository shares, SharingSettingRepository setting,
                            AttachmentRepository attachments, Clock clock) {
        this.chats = chats;
        this.shares = shares;
        this.setting = setting;
        this.attachments = attachments;
        this.clock = clock;
    }

    @Override
    public Result share(long userId, long chatId) {
        Optional<Chat> chat = Owned.chat(chats, userId, chatId);
        if (chat.isEmpty()) {
            return new Result.NotFound();
        }
        if (!setting.sharingEnabled()) {
            return new Result.Disabled();
        }
        java.util.Map<Integer, List<ChatShareRepository.SharedFile>> files = new java.util.HashMap<>();
        for (AttachmentRepository.Stored file : attachments.ofChat(chatId)) {
            files.computeIfAbsent(file.rank(), r -> new java.util.ArrayList<>())
                    .add(new ChatShareRepository.SharedFile(file.name(), file.kind().name().toLowerCase(java.util.Locale.ROOT), file.pages()));
        }
        List<ChatShareRepository.SharedMessage> messages = chats.messages(chatId).stream()
                .filter(m -> m.role() == Role.USER || m.role() == Role.ASSISTANT)
                .map(m -> new ChatShareRepository.SharedMessage(m.rank(), m.role().wireName(), m.content(), m.createdAt(),
                        m.role() == Role.USER ? files.getOrDefault(m.rank(), List.of()) : List.of()))
                .toList();
        if (messages.stream().noneMatch(m -> m.role().equals(Role.ASSISTANT.wireName()))) {
            return new Result.Empty();
        }
        ChatShareRepository.Share share = shares.create(chatId, newToken(), chat.get().title(), chat.get().model(), messages,
                clock.instant());
        return new Result.Shared(new Link(share.token(), share.createdAt()));
    }

    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Optional<Link> link(long userId, long chatId) {
        return Owned.chat(chats, userId, chatId).flatMap(c -> shares.linkOf(c.id())).map(s -> new Link(s.token(), s.createdAt()));
    }

    @Override
    public boolean revoke(long userId, long chatId) {
        return Owned.chat(chats, userId, chatId).map(c -> shares.revoke(c.id())).orElse(false);
    }

    @Override
    public Optional<SharedChat> shared(String token) {
        if (token == null || !TOKEN.matcher(token).matches() || !setting.sharingEnabled()) {
            return Optional.empty();
        }
        return shares.byToken(token).map(s -> new SharedChat(s.title(), s.model(), s.createdAt(),
                s.messages().stream().map(m -> new SharedMessage(m.rank(), m.role(), m.content(), m.createdAt(),
                        m.files().stream().map(f -> new SharedFile(f.name(), f.kind(), image(f.kind()), f.pages())).toList())).toList()));
    }

    private static boolean image(String kind) {
        try {
            return uz.suhbat.domain.attachment.AttachmentKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)).image();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean sharingEnabled() {
        return setting.sharingEnabled();
    }
}

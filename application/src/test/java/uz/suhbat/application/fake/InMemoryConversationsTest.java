package uz.suhbat.application.fake;

import uz.suhbat.application.port.out.conversation.ConversationPortsContract;

class InMemoryConversationsTest extends ConversationPortsContract {

    @Override
    protected Ports emptyPorts() {
        InMemoryChatRepository chats = new InMemoryChatRepository();
        InMemoryConversations conversations = new InMemoryConversations(chats);
        return new Ports(chats, conversations, conversations, conversations, conversations, conversations);
    }

    @Override
    protected long userId(int which) {
        return which;
    }
}

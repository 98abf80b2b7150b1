package uz.suhbat.adapter.out.ai.provider;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import uz.suhbat.application.port.out.ai.ChatModelPort.Turn;

/** A prompt's turns as langchain4j messages, for providers that refuse empty ones. */
final class Conversations {

    private Conversations() {
    }

    /**
     * Every turn with text, in order. Anthropic refuses a message whose text is blank and Gemini
     * a content without parts, which an answer cut off before its first word would otherwise be;
     * a turn without text tells the model nothing, so it is left out.
     */
    static List<ChatMessage> messages(List<Turn> turns) {
        return turns.stream().filter(turn -> !turn.content().isBlank()).map(Conversations::message).toList();
    }

    private static ChatMessage message(Turn turn) {
        return switch (turn.role()) {
            case SYSTEM -> SystemMessage.from(turn.content());
            case USER -> UserMessage.from(turn.content());
            case ASSISTANT -> AiMessage.from(turn.content());
        };
    }
}

package uz.suhbat.adapter.out.ai.provider;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import uz.suhbat.application.port.out.ai.ChatModelPort.Image;
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
        return turns.stream().filter(turn -> !turn.content().isBlank() || !turn.images().isEmpty()).map(Conversations::message).toList();
    }

    private static ChatMessage message(Turn turn) {
        return switch (turn.role()) {
            case SYSTEM -> SystemMessage.from(turn.content());
            case USER -> turn.images().isEmpty() ? UserMessage.from(turn.content()) : withImages(turn);
            case ASSISTANT -> AiMessage.from(turn.content());
        };
    }

    /**
     * A question with pictures (only a model the admin marked as reading images gets them: the attachments ask the
     * model catalog): its text, then each picture as base64 data with its media type, which langchain4j writes as
     * Anthropic's {@code {"type": "image", "source": {"type": "base64", "media_type", "data"}}} block and as Gemini's
     * {@code inlineData {mimeType, data}} part, as the OpenAI adapter sends {@code image_url} parts.
     */
    private static UserMessage withImages(Turn turn) {
        List<Content> parts = new ArrayList<>();
        if (!turn.content().isBlank()) {
            parts.add(TextContent.from(turn.content()));
        }
        for (Image image : turn.images()) {
            parts.add(ImageContent.from(Base64.getEncoder().encodeToString(image.content()), image.mediaType()));
        }
        return UserMessage.from(parts);
    }
}

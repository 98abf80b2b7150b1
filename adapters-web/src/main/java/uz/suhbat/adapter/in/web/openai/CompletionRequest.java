package uz.suhbat.adapter.in.web.openai;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uz.suhbat.application.port.in.api.ApiCompletionUseCase;
import uz.suhbat.domain.chat.Role;

/** A {@code POST /v1/chat/completions} body as Suhbat takes it: the model, the text messages, streamed or not. */
record CompletionRequest(String model, List<ApiCompletionUseCase.Turn> messages, boolean stream, boolean includeUsage) {


    static final class BadRequest extends Exception {
        final String code;
        final String param;

        BadRequest(String code, String param) {
            super(code, null, false, false);
            this.code = code;
            this.param = param;
        }
    }

    static CompletionRequest parse(JsonMapper json, String body) throws BadRequest {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JacksonException e) {
            throw new BadRequest("invalid_json", null);
        }
        if (root == null || !root.isObject()) {
            throw new BadRequest("invalid_json", null);
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isString() || model.asString().isBlank()) {
            throw new BadRequest("missing_model", "model");
        }
        JsonNode messages = root.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new BadRequest("invalid_messages", "messages");
        }
        List<ApiCompletionUseCase.Turn> turns = new ArrayList<>();
        for (JsonNode message : messages) {
            turns.add(turn(message));
        }
        JsonNode n = root.get("n");
        if (n != null && !n.isNull() && n.asInt(1) != 1) {
            throw new BadRequest("unsupported_n", "n");
        }
        boolean stream = root.path("stream").asBoolean(false);
        boolean includeUsage = root.path("stream_options").path("include_usage").asBoolean(false);
        return new CompletionRequest(model.asString(), turns, stream, includeUsage);
    }

    /** A message of the conversation: text only (a string, or text parts); tools, images and audio are refused. */
    private static ApiCompletionUseCase.Turn turn(JsonNode message) throws BadRequest {
        String roleName = message.path("role").asString("");
        Role role = switch (roleName) {
            case "system", "developer" -> Role.SYSTEM;
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            default -> throw new BadRequest("unsupported_role", "messages");
        };
        JsonNode content = message.get("content");
        if (content != null && content.isString()) {
            return new ApiCompletionUseCase.Turn(role, content.asString());
        }
        if (content != null && content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (!"text".equals(part.path("type").asString("")) || !part.path("text").isString()) {
                    throw new BadRequest("unsupported_content", "messages");
                }
                text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asString());
            }
            return new ApiCompletionUseCase.Turn(role, text.toString());
        }
        throw new BadRequest("unsupported_content", "messages");
    }
}

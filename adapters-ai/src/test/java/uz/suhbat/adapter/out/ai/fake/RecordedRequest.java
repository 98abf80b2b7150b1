package uz.suhbat.adapter.out.ai.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** A request the fake received: its headers (names case-insensitive) and its parsed JSON body. */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, JsonNode body) {

    public RecordedRequest {
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.put(name, List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(caseInsensitive);
    }

    /**
     * One message of the conversation as sent; {@code content} is the text of a plain-string content, or the text parts
     * of a content array joined; {@code imageUrls}: the {@code image_url} parts' URLs (data URLs for uploaded pictures).
     */
    public record Message(String role, String content, List<String> imageUrls) {
        public Message(String role, String content) {
            this(role, content, List.of());
        }
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String model() {
        return body.path("model").asString(null);
    }

    public boolean streamed() {
        return body.path("stream").asBoolean(false);
    }

    public boolean includesUsage() {
        return body.path("stream_options").path("include_usage").asBoolean(false);
    }

    public List<Message> messages() {
        List<Message> messages = new ArrayList<>();
        body.path("messages").forEach(message -> {
            JsonNode content = message.path("content");
            if (content.isArray()) {
                StringBuilder text = new StringBuilder();
                List<String> images = new ArrayList<>();
                content.forEach(part -> {
                    if ("text".equals(part.path("type").asString(null))) {
                        text.append(part.path("text").asString(""));
                    } else if ("image_url".equals(part.path("type").asString(null))) {
                        images.add(part.path("image_url").path("url").asString(null));
                    }
                });
                messages.add(new Message(message.path("role").asString(null), text.toString(), List.copyOf(images)));
            } else {
                messages.add(new Message(message.path("role").asString(null), content.asString(null)));
            }
        });
        return List.copyOf(messages);
    }

    /** The text of the last user message: what a reply computed from the request usually answers. */
    public String lastUserMessage() {
        return messages().reversed().stream()
                .filter(message -> "user".equals(message.role()))
                .map(Message::content)
                .findFirst()
                .orElse("");
    }
}

package uz.suhbat.domain.chat;

import uz.suhbat.domain.shared.ShortText;

/**
 * A chat is named after the first words of its first message, then (when a model writes one) after a short title
 * written for it, until the user renames it.
 */
public final class ChatTitle {

    public static final int MAX_LENGTH = 200;
    private static final int WORDS = 6;
    private static final int AUTO_LENGTH = 60;
    /** The most words of a title a model writes. */
    public static final int MODEL_WORDS = 6;

    private ChatTitle() {
    }

    public static String fromFirstMessage(String content) {
        String[] words = content.strip().split("\\s+");
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < words.length && i < WORDS; i++) {
            if (title.length() + words[i].length() + 1 > AUTO_LENGTH) {
                break;
            }
            if (!title.isEmpty()) {
                title.append(' ');
            }
            title.append(words[i]);
        }
        if (title.isEmpty()) {
            // one enormous word: cut it
            title.append(ShortText.cut(words[0], AUTO_LENGTH));
        }
        boolean cut = words.length > WORDS || title.length() < content.strip().length();
        return cut ? title + "…" : title.toString();
    }

    /**
     * A title a model wrote for the chat: its first non-empty line, without a "Title:" label, quotes, markdown marks
     * and a closing full stop, at most {@link #MODEL_WORDS} words and {@link #AUTO_LENGTH} characters; null when
     * nothing usable is left (the first words of the question then stay).
     */
    public static String fromModel(String reply) {
        if (reply == null) {
            return null;
        }
        String line = reply.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        line = line.replaceFirst("(?i)^(title|sarlavha|nomi|заголовок|название|сарлавҳа)\\s*:\\s*", "");
        line = line.replaceAll("^[\\s#*_\"'«»“”„`]+|[\\s*_\"'«»“”„`.。!]+$", "");
        String[] words = line.split("\\s+");
        if (line.isBlank()) {
            return null;
        }
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < words.length && i < MODEL_WORDS; i++) {
            if (!title.isEmpty()) {
                title.append(' ');
            }
            title.append(words[i]);
        }
        String cut = ShortText.cut(title.toString(), AUTO_LENGTH).strip();
        return cut.isEmpty() ? null : cut;
    }

    /** A user's own title: trimmed, single-line, at most {@link #MAX_LENGTH} UTF-16 units, cut between characters; null when blank. */
    public static String clean(String title) {
        if (title == null) {
            return null;
        }
        String cleaned = title.replaceAll("\\s+", " ").strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        return ShortText.cut(cleaned, MAX_LENGTH);
    }
}

package uz.suhbat.domain.chat;

import uz.suhbat.domain.shared.ShortText;

/** A chat is named after the first words of its first message, until the user renames it. */
public final class ChatTitle {

    public static final int MAX_LENGTH = 200;
    private static final int WORDS = 6;
    private static final int AUTO_LENGTH = 60;

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

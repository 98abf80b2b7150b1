package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Text search in chat messages over {@code chat_history.search_text} (migration V51): the message with the
 * apostrophe variants of Uzbek Latin removed, under an InnoDB FULLTEXT index. A query is normalised the
 * same way; each of its words that the index holds (at least {@code innodb_ft_min_token_size} characters,
 * not one of InnoDB's default stop words) must begin a word of the message ({@code +word*} in boolean
 * mode), which the index answers; the whole normalised query must also occur in that message as typed
 * ({@link #phrase}, a case-blind {@code REGEXP}), checked only on the messages the index found. A query with no such word (all words
 * shorter than the index keeps) falls back to the substring scan over every message.
 */
final class ChatTextSearch {

    /** The apostrophes written in o'zbek and g'alaba: ASCII, backtick, modifier letters, typographic quotes. */
    private static final Pattern APOSTROPHES = Pattern.compile("['`\u02BB\u02BC\u2018\u2019]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}_]+");
    /** InnoDB's default stop words (INNODB_FT_DEFAULT_STOPWORD), the same in MySQL 8 and MariaDB. */
    private static final Set<String> STOP_WORDS = Set.of("a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for",
            "from", "how", "i", "in", "is", "it", "la", "of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where",
            "who", "will", "with", "und", "www");

    static final Field<String> SEARCH_TEXT = DSL.field(DSL.name(CHAT_HISTORY.getName(), "search_text"), SQLDataType.CLOB);

    private final DSLContext db;
    private volatile int minTokenSize;

    ChatTextSearch(DSLContext db) {
        this.db = db;
    }

    static String normalise(String text) {
        return APOSTROPHES.matcher(text).replaceAll("");
    }

    /** The boolean-mode query for the words the index can answer, or empty when there is none. */
    String booleanQuery(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : indexedWords(text)) {
            terms.add("+" + word + "*");
        }
        return String.join(" ", terms);
    }

    private List<String> indexedWords(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(normalise(text).toLowerCase(Locale.ROOT))) {
            if (word.length() >= minTokenSize() && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** Messages (rows of chat_history) that contain {@code text}, found through the FULLTEXT index when it holds a word of it. */
    Condition matches(String text) {
        String query = booleanQuery(text);
        return query.isEmpty() ? phrase(text)
                : DSL.condition("match({0}) against ({1} in boolean mode)", SEARCH_TEXT, DSL.val(query)).and(phrase(text));
    }

    /**
     * The same test as {@link #matches(String)} on a message already at hand, without the index: the phrase
     * occurs, and each word the index would look for begins a word of the message (as {@code +word*} asks: no letter,
     * digit or underscore before it, a look-behind, which lets the regular expression look for the word's letters first;
     * MariaDB's {@code [:alnum:]} takes Cyrillic letters for letters). For checking the messages of a few given chats, where asking the index would cost a read of every
     * message that holds the word.
     */
    Condition matchesWithoutIndex(String text) {
        Condition condition = phrase(text);
        for (String word : indexedWords(text)) {
            condition = condition.and(SEARCH_TEXT.likeRegex("(?<![[:alnum:]_])" + literalPattern(word)));
        }
        return condition;
    }

    /** Whether the index can answer {@code text}: at least one of its words is long enough and no stop word. */
    boolean indexed(String text) {
        return !indexedWords(text).isEmpty();
    }

    /**
     * The normalised text occurs in the message: a {@code REGEXP} of the text with its ASCII signs escaped, which the
     * column's collation makes case-blind (a {@code _ci} column's regular expressions ignore case: in MariaDB, Cyrillic
     * included; MySQL 8's manual says the same of its own). It reads a message about twice as fast as {@code LIKE '%…%'} under
     * {@code utf8mb4_unicode_ci} (18.6 against 43.1 ms over 10,000 messages of about 900 characters, of which 14.5 ms is
     * reading them; docs/benchmarks.md, "Session 13"), which matters where nothing narrows the messages first: a term too
     * short for the index is looked for in every message of the user. Unlike that {@code LIKE} it tells accented letters
     * from plain ones (café is not cafe), nor does it see past what the collation ignored in a message (a soft hyphen, an
     * accent written as a combining mark); the one pair our users write either way, Cyrillic е and ё, still matches both,
     * here and in each word {@link #matchesWithoutIndex} looks for. Titles are still compared with {@code LIKE}.
     */
    static Condition phrase(String text) {
        return SEARCH_TEXT.likeRegex(literalPattern(normalise(text)));
    }

    /**
     * A regular expression (PCRE in MariaDB, ICU in MySQL 8) matching {@code text} as written: each ASCII character that is no
     * letter or digit escaped (every metacharacter is one; a backslash before any other of them stands for it alone), and
     * Cyrillic е or ё as either.
     */
    static String literalPattern(String text) {
        StringBuilder pattern = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            switch (c) {
                case 'е', 'ё', 'Е', 'Ё' -> pattern.append("[её]");
                default -> {
                    if (c < 128 && !Character.isLetterOrDigit(c)) {
                        pattern.append('\\');
                    }
                    pattern.appendCodePoint(c);
                }
            }
        });
        return pattern.toString();
    }

    private int minTokenSize() {
        int size = minTokenSize;
        if (size == 0) {
            Integer configured = db.fetchSingle("select @@innodb_ft_min_token_size").get(0, Integer.class);
            size = configured == null || configured < 1 ? 3 : configured;
            minTokenSize = size;
        }
        return size;
    }
}

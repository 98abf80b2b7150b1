package uz.suhbat.domain.shared;

/**
 * What is wrong with an input or a request, for people to read next to the field it concerns. The
 * core names the problem; the web adapter turns it into a translated sentence.
 */
public enum Problem {
    // values the domain refuses
    USERNAME_INVALID,
    EMAIL_INVALID,
    PASSWORD_TOO_SHORT,
    PASSWORD_TOO_LONG,
    PASSWORD_COMMON,
    PASSWORD_PERSONAL,
    RANGE_ORDER,
    RANGE_TOO_LONG,
    /** a date so far away that the range around it does not exist */
    RANGE_OUTSIDE,
    QUOTA_RANGE,
    LIMIT_RANGE,
    // requests the application refuses
    USERNAME_TAKEN,
    EMAIL_TAKEN,
    PASSWORD_WRONG,
    ADMIN_ONLY_MAIN,
    ADMIN_NOT_FOUND,
    ADMIN_MAIN_STAYS,
    MODEL_NAME,
    MODEL_DESCRIPTION,
    MODEL_BASE_MODEL,
    MODEL_INSTRUCTIONS,
    MODEL_NO_FILE,
    MODEL_TOO_LARGE,
    MODEL_TRIAL,
    MODEL_EMBEDDING,
    // a PDF that cannot be used
    DOCUMENT_NOT_PDF,
    DOCUMENT_ENCRYPTED,
    DOCUMENT_NO_TEXT,
    DOCUMENT_BROKEN,
    DOCUMENT_TOO_LARGE,
    DOCUMENT_TOO_SLOW,
    /** reading failed for a reason of ours */
    DOCUMENT_READING_FAILED,
    /** the server restarted while reading */
    DOCUMENT_READING_CUT_BY_RESTART,
    /** custom instructions longer than {@code CustomInstructions.MAX_LENGTH} */
    INSTRUCTIONS_TOO_LONG,
    // personal API keys
    /** a key's name is empty, too long or holds control characters */
    API_KEY_NAME,
    /** the user already holds as many keys as one may */
    API_KEY_TOO_MANY,
    // connections to model providers
    /** a connection's name is empty, too long or holds control characters */
    CONNECTION_NAME,
    /** not an absolute http(s) address */
    CONNECTION_URL,
    /** an API key with spaces or control characters, or too long */
    CONNECTION_KEY,
    /** an API key is given but SECRET_KEY is not set, so it cannot be kept encrypted */
    CONNECTION_NO_SECRET_KEY,
    /** an unknown kind of connection */
    CONNECTION_KIND,
    /** a model id that is empty, too long or holds spaces */
    CONNECTION_MODEL,
    CONNECTION_DISPLAY_NAME,
    CONNECTION_SYSTEM_PROMPT,
    /** a temperature outside 0 to 2 */
    CONNECTION_TEMPERATURE
}

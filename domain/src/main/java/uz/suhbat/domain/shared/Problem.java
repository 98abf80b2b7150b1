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
    API_KEY_TOO_MANY
}

package uz.suhbat.adapter.in.web.i18n;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import uz.suhbat.domain.shared.Problem;

/** The message bundle key of each problem the core names: the one place where problems become sentences. */
public final class Problems {

    private Problems() {
    }

    public static String key(Problem problem) {
        return switch (problem) {
            case USERNAME_INVALID -> "validation.username.invalid";
            case EMAIL_INVALID -> "validation.email.invalid";
            case PASSWORD_TOO_SHORT -> "validation.password.tooShort";
            case PASSWORD_TOO_LONG -> "validation.password.tooLong";
            case PASSWORD_COMMON -> "validation.password.common";
            case PASSWORD_PERSONAL -> "validation.password.personal";
            case RANGE_ORDER -> "validation.range.order";
            case RANGE_TOO_LONG -> "validation.range.tooLong";
            case RANGE_OUTSIDE -> "validation.range.outside";
            case QUOTA_RANGE -> "validation.quota.range";
            case LIMIT_RANGE -> "validation.limit.range";
            case USERNAME_TAKEN -> "validation.username.taken";
            case EMAIL_TAKEN -> "validation.email.taken";
            case PASSWORD_WRONG -> "validation.password.wrong";
            case ADMIN_ONLY_MAIN -> "admin.admins.onlyMain";
            case ADMIN_NOT_FOUND -> "admin.admins.notFound";
            case ADMIN_MAIN_STAYS -> "admin.admins.mainStays";
            case MODEL_NAME -> "knowledge.error.name";
            case MODEL_DESCRIPTION -> "knowledge.error.description";
            case MODEL_BASE_MODEL -> "knowledge.error.baseModel";
            case MODEL_INSTRUCTIONS -> "knowledge.error.instructions";
            case MODEL_NO_FILE -> "knowledge.error.no_file";
            case MODEL_TOO_LARGE -> "knowledge.error.too_large";
            case MODEL_TRIAL -> "knowledge.error.trial";
            case MODEL_EMBEDDING -> "knowledge.error.embedding";
            case DOCUMENT_NOT_PDF, DOCUMENT_ENCRYPTED, DOCUMENT_NO_TEXT, DOCUMENT_BROKEN, DOCUMENT_TOO_LARGE, DOCUMENT_TOO_SLOW ->
                    "knowledge.failure." + problem.name().substring("DOCUMENT_".length()).toLowerCase(Locale.ROOT);
            case DOCUMENT_READING_FAILED -> "knowledge.failure.internal";
            case DOCUMENT_READING_CUT_BY_RESTART -> "knowledge.failure.restart";
            case INSTRUCTIONS_TOO_LONG -> "profile.instructions.tooLong";
            case API_KEY_NAME -> "apiKeys.error.name";
            case API_KEY_TOO_MANY -> "apiKeys.error.tooMany";
            case CONNECTION_NAME -> "admin.connections.error.name";
            case CONNECTION_URL -> "admin.connections.error.baseUrl";
            case CONNECTION_KEY -> "admin.connections.error.apiKey";
            case CONNECTION_NO_SECRET_KEY -> "admin.connections.error.noSecretKey";
            case CONNECTION_KIND -> "admin.connections.error.kind";
            case CONNECTION_MODEL -> "admin.connections.error.model";
            case CONNECTION_DISPLAY_NAME -> "admin.connections.error.displayName";
            case CONNECTION_SYSTEM_PROMPT -> "admin.connections.error.systemPrompt";
            case CONNECTION_TEMPERATURE -> "admin.connections.error.temperature";
        };
    }

    /** Field → message key, in the order of the fields. */
    public static Map<String, String> keys(Map<String, Problem> problems) {
        Map<String, String> keys = new LinkedHashMap<>();
        problems.forEach((field, problem) -> keys.put(field, key(problem)));
        return keys;
    }
}

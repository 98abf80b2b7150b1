package uz.suhbat.domain.provider;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.shared.Problem;

/**
 * A model of a connection that users see, with the admin's choices.
 *
 * @param modelId      the provider's id of the model ("llama3.1:8b", "claude-sonnet-4-5", ...)
 * @param displayName  the name in the model picker; null: the model id
 * @param systemPrompt a system message every answer of the model starts with; null: none
 * @param temperature  the sampling temperature sent with every request (0 to 2); null: the provider's default
 * @param vision       whether the model reads images
 */
public record ConnectionModel(String modelId, String displayName, String systemPrompt, Double temperature, boolean vision) {

    public static final int ID_MAX = 90;
    public static final int DISPLAY_NAME_MAX = 80;
    public static final int SYSTEM_PROMPT_MAX = 4000;
    /** How the picker (and the chat, and /v1/models) names a connection's model: {@code conn-<id>/<model id>}. */
    public static final String PICKER_PREFIX = "conn-";

    public ConnectionModel {
        modelId = parseModelId(modelId);
        displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
        if (displayName != null && (displayName.length() > DISPLAY_NAME_MAX || displayName.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidValueException("displayName", Problem.CONNECTION_DISPLAY_NAME);
        }
        systemPrompt = systemPrompt == null || systemPrompt.isBlank() ? null : systemPrompt.strip();
        if (systemPrompt != null && systemPrompt.length() > SYSTEM_PROMPT_MAX) {
            throw new InvalidValueException("systemPrompt", Problem.CONNECTION_SYSTEM_PROMPT);
        }
        if (temperature != null && (temperature.isNaN() || temperature < 0 || temperature > 2)) {
            throw new InvalidValueException("temperature", Problem.CONNECTION_TEMPERATURE);
        }
    }

    /** The name users see. */
    public String shownName() {
        return displayName != null ? displayName : modelId;
    }

    public static String parseModelId(String raw) {
        String id = raw == null ? "" : raw.strip();
        if (id.isEmpty() || id.length() > ID_MAX || id.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new InvalidValueException("model", Problem.CONNECTION_MODEL);
        }
        return id;
    }

    /** A temperature as typed: blank means none; a number from 0 to 2 with at most two decimals. */
    public static Double parseTemperature(String raw) {
        String text = raw == null ? "" : raw.strip().replace(',', '.');
        if (text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.scale() <= 2 && value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(2)) <= 0) {
                return value.doubleValue();
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidValueException("temperature", Problem.CONNECTION_TEMPERATURE);
    }

    public static String pickerId(long connectionId, String modelId) {
        return PICKER_PREFIX + connectionId + "/" + Objects.requireNonNull(modelId, "modelId");
    }

    /** The connection and model named by a picker id, or empty for any other id (a model of OPENAI_*, a PDF model). */
    public static Optional<Ref> parsePickerId(String pickerId) {
        if (pickerId == null || !pickerId.startsWith(PICKER_PREFIX)) {
            return Optional.empty();
        }
        int slash = pickerId.indexOf('/', PICKER_PREFIX.length());
        if (slash <= PICKER_PREFIX.length() || slash == pickerId.length() - 1 || slash - PICKER_PREFIX.length() > 18) {
            return Optional.empty();
        }
        String digits = pickerId.substring(PICKER_PREFIX.length(), slash);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(new Ref(Long.parseLong(digits), pickerId.substring(slash + 1)));
    }

    /** A connection's model, as a picker id names it. */
    public record Ref(long connectionId, String modelId) {
    }
}

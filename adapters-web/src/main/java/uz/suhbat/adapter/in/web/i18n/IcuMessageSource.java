package uz.suhbat.adapter.in.web.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Message bundles whose texts are ICU message patterns, so that plurals read right in every language
 * ({@code {n, plural, one {# minute} other {# minutes}}}; Russian also has {@code few} and {@code many}).
 * A message asked for with arguments is formatted by ICU4J's MessageFormat in the asked locale, numbers
 * included; one {@link Map} argument fills named arguments ({@code {n}}), others fill {@code {0}}, {@code {1}}.
 * A message asked for without arguments comes back as written, so that a page script can fill it in itself.
 */
public final class IcuMessageSource extends ResourceBundleMessageSource {

    @Override
    protected String getMessageInternal(String code, Object[] args, Locale locale) {
        if (code == null || args == null || args.length == 0) {
            return super.getMessageInternal(code, args, locale);
        }
        Locale asked = locale != null ? locale : Locale.ROOT;
        String pattern = resolveCodeWithoutArguments(code, asked);
        if (pattern == null) {
            return super.getMessageInternal(code, args, locale);
        }
        return format(pattern, args, asked);
    }

    /** Formats one ICU pattern in a locale; see the class comment for the arguments. */
    public static String format(String pattern, Object[] args, Locale locale) {
        MessageFormat format = new MessageFormat(pattern, ULocale.forLocale(locale));
        if (args.length == 1 && args[0] instanceof Map<?, ?> named) {
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) named;
            return format.format(values);
        }
        return format.format(args);
    }
}

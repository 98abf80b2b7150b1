package uz.suhbat.adapter.in.web.i18n;

import com.samskivert.mustache.Mustache;
import org.springframework.boot.mustache.autoconfigure.MustacheResourceTemplateLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Templates render a missing value as empty text rather than failing the page. Output is HTML-escaped. */
@Configuration(proxyBeanMethods = false)
public class MustacheConfiguration {

    @Bean
    Mustache.Compiler mustacheCompiler(MustacheResourceTemplateLoader loader) {
        return Mustache.compiler().withLoader(loader).defaultValue("").escapeHTML(true);
    }
}

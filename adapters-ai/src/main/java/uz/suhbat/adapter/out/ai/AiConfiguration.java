package uz.suhbat.adapter.out.ai;

import org.springframework.context.annotation.Configuration;

/** The AI adapter's beans, one per out-port it implements. */
@Configuration(proxyBeanMethods = false)
public class AiConfiguration {
}

package uz.suhbat.adapter.in.web;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The web adapter's entry point: its controllers, security and i18n live in this package tree. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class WebConfiguration {
}

package uz.suhbat.adapter.in.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The configuration that {@code @WebMvcTest} slices of this module start from: it scans the web adapter, and the
 * slice's filter keeps only controllers, advice and MVC configuration (the rest each test imports itself).
 */
@SpringBootConfiguration
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class WebSliceApplication {
}

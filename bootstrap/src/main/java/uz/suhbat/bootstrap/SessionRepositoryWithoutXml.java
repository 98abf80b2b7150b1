package uz.suhbat.bootstrap;

import javax.sql.DataSource;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Spring Session JDBC's repository made as its {@code JdbcHttpSessionConfiguration.sessionRepository()} makes it, with one
 * difference: its {@code JdbcTemplate} keeps Spring's default exception translation (by SQL state and exception class)
 * instead of the {@code SQLErrorCodeSQLExceptionTranslator} that Spring Session gives it, whose construction reads Spring's
 * {@code sql-error-codes.xml} with the JDK's XML parser at every start: about 400 classes of Xerces and Spring's XML bean
 * reader that stay loaded for nothing, 3 MB resident (docs/benchmarks.md, "Session 9: memory when idle"). The repository
 * only lets data access exceptions pass through; none of its callers tells their kinds apart.
 * <p>
 * Spring Boot's set-up stays in charge of everything else: its {@code SessionRepositoryCustomizer}s (timeout, table,
 * flush and save modes, clean-up cron from {@code spring.session.*}, the MySQL queries of {@link SharedSessionConfiguration})
 * are applied as Spring Session applies them, the filter and cookies are untouched. When Spring Session's bean is not
 * where this expects it, or a LOB handler of its own is configured (Oracle), nothing is changed.
 */
final class SessionRepositoryWithoutXml implements BeanFactoryPostProcessor {

    /** The name of Spring Session's {@code @Bean} method, hence of the repository's bean. */
    static final String BEAN = "sessionRepository";
    static final String TRANSACTIONS = "springSessionTransactionOperations";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) throws BeansException {
        if (!beans.containsBeanDefinition(BEAN)) {
            return;
        }
        BeanDefinition definition = beans.getBeanDefinition(BEAN);
        if (!(definition instanceof AbstractBeanDefinition made) || !"sessionRepository".equals(made.getFactoryMethodName())
                || !beans.containsBeanDefinition(TRANSACTIONS) || beans.containsBean("springSessionLobHandler")) {
            return;
        }
        made.setInstanceSupplier(() -> repository(beans));
    }

    @SuppressWarnings("unchecked")
    static JdbcIndexedSessionRepository repository(ConfigurableListableBeanFactory beans) {
        JdbcTemplate jdbc = new JdbcTemplate(beans.getBean(DataSource.class));
        jdbc.afterPropertiesSet();
        JdbcIndexedSessionRepository repository =
                new JdbcIndexedSessionRepository(jdbc, beans.getBean(TRANSACTIONS, TransactionOperations.class));
        repository.setConversionService(conversions(beans));
        beans.getBeanProvider(SessionIdGenerator.class).ifAvailable(repository::setSessionIdGenerator);
        beans.<IndexResolver<Session>>getBeanProvider(ResolvableType.forClassWithGenerics(IndexResolver.class, Session.class))
                .ifAvailable(repository::setIndexResolver);
        beans.<SessionRepositoryCustomizer<JdbcIndexedSessionRepository>>getBeanProvider(
                        ResolvableType.forClassWithGenerics(SessionRepositoryCustomizer.class, JdbcIndexedSessionRepository.class))
                .orderedStream().forEach(customizer -> customizer.customize(repository));
        return repository;
    }

    /** As Spring Session chooses: a conversion service of its own by name, the application's, or Java serialization. */
    private static ConversionService conversions(ConfigurableListableBeanFactory beans) {
        for (String name : new String[] {"springSessionConversionService", "conversionService"}) {
            if (beans.containsBean(name) && beans.isTypeMatch(name, ConversionService.class)) {
                return beans.getBean(name, ConversionService.class);
            }
        }
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, new DeserializingConverter(beans.getBeanClassLoader()));
        return conversions;
    }
}

package uz.suhbat.bootstrap;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded database before the application context is built, so that MariaDB's
 * start-up (seconds) overlaps with Spring's instead of following it. {@link DatabaseConfiguration}
 * waits for it when it needs the connection.
 */
class EmbeddedDatabaseEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "embeddedDatabaseEarlyStart";

    /** The server on its way up. */
    record Starting(CompletableFuture<EmbeddedDatabase> future) {

        EmbeddedDatabase await() {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // runs first when the context refreshes: after every initializer (tests add their settings in
        // one) and before the configuration classes are parsed, which is most of Spring's start-up
        context.addBeanFactoryPostProcessor(new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                start(context);
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
                // nothing more to do
            }
        });
    }

    private static void start(ConfigurableApplicationContext context) {
        Environment env = context.getEnvironment();
        String host = env.getProperty("suhbat.mysql.host", "");
        String dir = env.getProperty("suhbat.embedded.dir");
        Integer port = env.getProperty("suhbat.embedded.port", Integer.class);
        if (!host.isBlank() || dir == null || port == null || context.getBeanFactory().containsSingleton(BEAN)) {
            return;
        }
        CompletableFuture<EmbeddedDatabase> future = new CompletableFuture<>();
        Thread.ofPlatform().name("embedded-database-start").daemon().start(() -> {
            try {
                future.complete(EmbeddedDatabase.start(Path.of(dir), port));
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        });
        context.getBeanFactory().registerSingleton(BEAN, new Starting(future));
    }
}

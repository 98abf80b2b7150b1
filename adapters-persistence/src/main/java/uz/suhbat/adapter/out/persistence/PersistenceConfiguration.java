package uz.suhbat.adapter.out.persistence;

import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.port.out.admin.AdminRepository;

/** The persistence adapter's beans: one per out-port it implements. */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    @Bean
    AdminRepository adminRepository(DSLContext db) {
        return new JooqAdminRepository(db);
    }
}

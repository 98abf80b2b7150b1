/**
 * The persistence adapter: implements the application's out-ports with jOOQ on MySQL/MariaDB.
 * The schema is the Flyway migrations in {@code db/migration}; jOOQ's classes are generated from
 * them at build time (package {@code schema}, never committed). May depend on application, jOOQ
 * and Spring's context only; {@link uz.suhbat.adapter.out.persistence.PersistenceConfiguration}
 * is its one public entry point.
 */
package uz.suhbat.adapter.out.persistence;

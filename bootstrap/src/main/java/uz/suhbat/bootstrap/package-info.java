/**
 * Starts Suhbat: reads configuration (environment over {@code .env} over defaults), starts the
 * embedded MariaDB when no MySQL server is configured, and wires use-case services (created with
 * {@code new}) to the adapters' beans. The only module that sees every other one.
 */
package uz.suhbat.bootstrap;

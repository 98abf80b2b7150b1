/**
 * Use cases of Suhbat. {@code port.in} holds what the outside may ask of the application
 * ({@code *UseCase}, {@code *Query}); {@code port.out} holds what the application needs from
 * the outside ({@code *Port}, {@code *Repository}); {@code service} implements the use cases.
 * Depends only on {@code domain} and the JDK: services are created with {@code new} by bootstrap.
 */
package uz.suhbat.application;

/**
 * The heart of Suhbat: users, admins, chats, limits and knowledge models, in plain Java.
 * Depends on nothing but the JDK; every rule about these things lives here.
 */
package uz.suhbat.domain;

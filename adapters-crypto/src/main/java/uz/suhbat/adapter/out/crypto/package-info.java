/** Password hashing (Argon2id, Spring Security's crypto module): the adapter behind {@code PasswordHashingPort}. */
package uz.suhbat.adapter.out.crypto;

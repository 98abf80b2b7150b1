-- The language an account speaks in (pages on every device, and its mail): a BCP 47 tag of
-- uz.suhbat.domain.user.Language, "uz" (Uzbek, Latin script; the default), "uz-Cyrl" (Uzbek,
-- Cyrillic script), "ru" or "en". Before, it held "uz" or "en", set once at registration, and
-- could be empty; now it is always one of the four and the user changes it with the language switch.

UPDATE `user` SET `language` = 'uz' WHERE `language` IS NULL OR `language` NOT IN ('uz', 'uz-Cyrl', 'ru', 'en');

ALTER TABLE `user` MODIFY `language` VARCHAR(8) NOT NULL DEFAULT 'uz';

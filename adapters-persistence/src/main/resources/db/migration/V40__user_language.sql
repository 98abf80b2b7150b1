-- The language an account speaks in, on every device and in its mail: a BCP 47 tag of
-- uz.suhbat.domain.user.Language, "uz" (Uzbek, Latin script; the default), "uz-Cyrl" (Uzbek,
-- Cyrillic script), "ru" or "en". It is the language of the page the user registered on, until
-- they choose another with the language switch. Empty: the browser's Accept-Language decides.
-- Before, it held "uz" or "en"; anything else is cleared here rather than guessed.

UPDATE `user` SET `language` = NULL WHERE `language` NOT IN ('uz', 'uz-Cyrl', 'ru', 'en');

-- An admin's language, picked with the switch on the admin pages, so that it follows them to every
-- device. Empty: the browser's Accept-Language decides.
ALTER TABLE `admin` ADD COLUMN `language` VARCHAR(8) NULL;

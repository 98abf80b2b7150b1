package uz.suhbat.adapter.out.persistence;

import java.nio.file.Path;

/** What the persistence adapter needs from the operator's configuration: where uploaded files go (FILES_DIR). */
public record PersistenceSettings(Path filesDir) {
}

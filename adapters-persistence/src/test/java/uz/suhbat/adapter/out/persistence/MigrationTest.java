package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

class MigrationTest {

    @Test
    void createsTheSeedTablesWithTheirColumnsInUtf8mb4() {
        DSLContext db = TestDatabase.dsl();

        assertThat(columns(db, "user")).contains("id", "username", "password", "email", "date");
        assertThat(columns(db, "admin")).contains("id", "username", "password", "email", "date");
        assertThat(columns(db, "chat")).contains("id", "user_id", "date", "title", "model", "message_limit");
        assertThat(columns(db, "chat_history")).contains("id", "chat_id", "role", "content", "date", "rank");
        assertThat(columns(db, "model")).contains("id", "name", "file", "vector", "date");
        assertThat(columns(db, "model_chunk")).contains("model_id", "page", "text", "vector");

        List<String> charsets = db.fetch("select distinct ccsa.character_set_name from information_schema.tables t "
                + "join information_schema.collation_character_set_applicability ccsa on ccsa.collation_name = t.table_collation "
                + "where t.table_schema = database() and t.table_name <> 'flyway_schema_history'").getValues(0, String.class);
        assertThat(charsets).containsExactly("utf8mb4");
    }

    @Test
    void storesTextOutsideTheBasicPlaneIntact() {
        DSLContext db = TestDatabase.emptied();
        db.execute("insert into setting(name, value) values ('probe', ?)", "Salom 👋 oʻzbekcha матн");
        assertThat(db.fetchValue("select value from setting where name = 'probe'", String.class)).isEqualTo("Salom 👋 oʻzbekcha матн");
    }

    private static List<String> columns(DSLContext db, String table) {
        return db.fetch("select column_name from information_schema.columns where table_schema = database() and table_name = ? order by ordinal_position", table)
                .getValues(0, String.class);
    }
}

package uz.suhbat.adapter.out.persistence;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;

/**
 * A select that every request on the hot path sends, the same but for a few bound values: its SQL is rendered once, from the
 * statement built with stand-in values, and each later use only binds its own values in their places. Rendering anew costs as
 * much as the round trip's own work in the app.
 */
final class RenderedSelect {

    private final String sql;
    private final Object[] binds;
    private final int[] at;
    private final List<Field<?>> fields;

    private RenderedSelect(String sql, Object[] binds, int[] at, List<Field<?>> fields) {
        this.sql = sql;
        this.binds = binds;
        this.at = at;
        this.fields = fields;
    }

    /** {@code standIns}: values the select binds exactly once each, in the order {@link #bind} takes the real ones. */
    static RenderedSelect of(DSLContext db, Select<?> select, Object... standIns) {
        List<Object> bound = db.extractBindValues(select);
        int[] at = new int[standIns.length];
        for (int i = 0; i < standIns.length; i++) {
            at[i] = bound.indexOf(standIns[i]);
            if (at[i] < 0 || bound.lastIndexOf(standIns[i]) != at[i]) {
                throw new IllegalStateException("the stand-in " + standIns[i] + " is not bound once in " + db.render(select));
            }
        }
        return new RenderedSelect(db.render(select), bound.toArray(), at, List.copyOf(select.getSelect()));
    }

    /** The select with {@code values} in the stand-ins' places, its fields as the built statement selects them. */
    ResultQuery<Record> bind(DSLContext db, Object... values) {
        if (values.length != at.length) {
            throw new IllegalArgumentException(at.length + " values to bind, not " + values.length);
        }
        Object[] bound = binds.clone();
        for (int i = 0; i < at.length; i++) {
            bound[at[i]] = values[i];
        }
        return db.resultQuery(sql, bound).coerce(fields);
    }

    /** A select rendered at its first use, then only bound (two threads at once may both render it: the same text). */
    static final class Once {

        private final java.util.function.Supplier<RenderedSelect> render;
        private volatile RenderedSelect rendered;

        Once(java.util.function.Supplier<RenderedSelect> render) {
            this.render = render;
        }

        ResultQuery<Record> bind(DSLContext db, Object... values) {
            RenderedSelect statement = rendered;
            if (statement == null) {
                statement = render.get();
                rendered = statement;
            }
            return statement.bind(db, values);
        }
    }
}

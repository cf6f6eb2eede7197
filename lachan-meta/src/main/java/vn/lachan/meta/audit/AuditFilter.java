package vn.lachan.meta.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.audit.AuditQuery;

/** Turns an {@link AuditQuery} into a SQL condition with bound values (never text pasted into the SQL). */
record AuditFilter(String where, List<Consumer<Query>> bindings) {

    static AuditFilter of(AuditQuery q) {
        List<String> terms = new ArrayList<>(List.of("sequence > :after"));
        List<Consumer<Query>> bindings = new ArrayList<>();
        bindings.add(query -> query.bind("after", q.after()));
        Instant from = q.from();
        if (from != null) {
            terms.add("occurred_at >= :from");
            bindings.add(query -> query.bind("from", from));
        }
        Instant to = q.to();
        if (to != null) {
            terms.add("occurred_at < :to");
            bindings.add(query -> query.bind("to", to));
        }
        text(terms, bindings, "actor", q.actor());
        action(terms, bindings, q.action());
        if (q.outcome() != null) {
            String outcome = q.outcome().name();
            terms.add("outcome = :outcome");
            bindings.add(query -> query.bind("outcome", outcome));
        }
        text(terms, bindings, "target", q.target());
        Set<UUID> organizations = q.organizations();
        if (organizations != null) {
            terms.add("organization_id in (<orgs>)");
            List<UUID> ids = List.copyOf(organizations);
            bindings.add(query -> query.bindList("orgs", ids));
        }
        return new AuditFilter(String.join(" and ", terms), bindings);
    }

    void bind(Query query) {
        bindings.forEach(b -> b.accept(query));
    }

    private static void text(
            List<String> terms, List<Consumer<Query>> bindings, String column, @Nullable String value) {
        if (value != null) {
            terms.add(column + " = :" + column);
            bindings.add(query -> query.bind(column, value));
        }
    }

    private static void action(List<String> terms, List<Consumer<Query>> bindings, @Nullable String action) {
        if (action == null) {
            return;
        }
        if (action.endsWith("*")) {
            String prefix = action.substring(0, action.length() - 1)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
            terms.add("action like :action escape '\\'");
            bindings.add(query -> query.bind("action", prefix + "%"));
        } else {
            terms.add("action = :action");
            bindings.add(query -> query.bind("action", action));
        }
    }
}

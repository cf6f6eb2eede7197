package vn.lachan.meta.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.org.ContactDetails;
import vn.lachan.core.org.ContactPoint;
import vn.lachan.core.org.ContactType;
import vn.lachan.core.org.Organization;
import vn.lachan.core.org.OrganizationKind;
import vn.lachan.core.org.Organizations;
import vn.lachan.core.org.Outcome;
import vn.lachan.core.org.Subtrees;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.internal.ColumnSealer;
import vn.lachan.meta.internal.SqlStates;
import vn.lachan.security.access.OrganizationScope;
import vn.lachan.security.crypto.Sealer;

/**
 * Stores the organization tree in the metadata database; contact points' personal data is sealed.
 *
 * <p>Thread-safe. Changes to the tree run in serializable transactions, so two concurrent moves
 * cannot together make a cycle. {@link #scope} gives the access policy a cached view of the tree.
 */
public final class JdbcOrganizations implements Organizations {
    private static final String COLUMNS = "id, code, name, name_en, kind, parent_id";
    private static final String SUBTREE = """
            with recursive tree (id) as (
                select id from organizations where id = :root
                union all
                select o.id from organizations o join tree t on o.parent_id = t.id)
            select id from tree""";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Contacts contacts;
    private final ReentrantLock treeLock = new ReentrantLock();
    private final AtomicLong treeVersion = new AtomicLong();

    /** Creates the store over an open database, sealing personal data with {@code sealer}. */
    public JdbcOrganizations(MetaDatabase database, Sealer sealer, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
        this.contacts = new Contacts(jdbi, new ColumnSealer(sealer), clock);
    }

    /**
     * Returns the tree view the access policy asks on every check, answered from memory and
     * reloaded after any change made through this store or after {@code maxAge} (changes made by
     * another node).
     */
    public OrganizationScope scope(Duration maxAge) {
        return new CachedScope(jdbi, clock, maxAge, this);
    }

    /**
     * Returns the subtree view the pipeline asks for every event an agency's credential sent, answered
     * from memory and reloaded like {@link #scope(Duration)}.
     */
    public Subtrees subtrees(Duration maxAge) {
        return new CachedScope(jdbi, clock, maxAge, this);
    }

    @Override
    public Outcome<Organization> create(Organization org) {
        return changeTree(h -> {
            if (org.parent() != null && find(h, org.parent()).isEmpty()) {
                return refused(Outcome.Reason.NOT_FOUND, "parent", "no organization has id " + org.parent());
            }
            if (byCode(h, org.code()).isPresent()) {
                return refused(Outcome.Reason.CONFLICT, "code", "the code " + org.code() + " is already taken");
            }
            h.createUpdate("insert into organizations (" + COLUMNS + ", created_at, updated_at)"
                            + " values (:id, :code, :name, :nameEn, :kind, :parent, :now, :now)")
                    .bindMethods(org)
                    .bind("kind", org.kind().name())
                    .bind("now", clock.instant())
                    .execute();
            return new Outcome.Done<>(org);
        });
    }

    @Override
    public Optional<Organization> get(UUID id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    @Override
    public Optional<Organization> byCode(String code) {
        return jdbi.withHandle(h -> byCode(h, code));
    }

    @Override
    public List<Organization> roots() {
        return jdbi.withHandle(
                h -> h.createQuery("select " + COLUMNS + " from organizations where parent_id is null order by code")
                        .map(JdbcOrganizations::organization)
                        .list());
    }

    @Override
    public List<Organization> children(UUID parent) {
        return jdbi.withHandle(
                h -> h.createQuery("select " + COLUMNS + " from organizations where parent_id = :parent order by code")
                        .bind("parent", parent)
                        .map(JdbcOrganizations::organization)
                        .list());
    }

    @Override
    public Set<UUID> subtree(UUID root) {
        return jdbi.withHandle(h -> subtree(h, root));
    }

    @Override
    public Outcome<Organization> move(UUID id, @Nullable UUID newParent) {
        return changeTree(h -> {
            Optional<Organization> found = find(h, id);
            if (found.isEmpty()) {
                return refused(Outcome.Reason.NOT_FOUND, "id", "no organization has id " + id);
            }
            Organization org = found.get();
            if (newParent != null) {
                Optional<Organization> parent = find(h, newParent);
                if (parent.isEmpty()) {
                    return refused(Outcome.Reason.NOT_FOUND, "parent", "no organization has id " + newParent);
                }
                if (subtree(h, id).contains(newParent)) {
                    return refused(
                            Outcome.Reason.INVALID,
                            "parent",
                            "cannot move " + org.code() + " under "
                                    + parent.get().code() + ", which is inside it: the tree would have a cycle");
                }
            }
            h.createUpdate("update organizations set parent_id = :parent, updated_at = :now where id = :id")
                    .bindByType("parent", newParent, UUID.class)
                    .bind("now", clock.instant())
                    .bind("id", id)
                    .execute();
            return new Outcome.Done<>(org.movedUnder(newParent));
        });
    }

    @Override
    public Outcome<Organization> rename(UUID id, String name, @Nullable String nameEn) {
        return changeTree(h -> {
            Optional<Organization> found = find(h, id);
            if (found.isEmpty()) {
                return refused(Outcome.Reason.NOT_FOUND, "id", "no organization has id " + id);
            }
            Organization renamed = found.get().renamed(name, nameEn);
            h.createUpdate("update organizations set name = :name, name_en = :nameEn, updated_at = :now where id = :id")
                    .bindMethods(renamed)
                    .bind("now", clock.instant())
                    .execute();
            return new Outcome.Done<>(renamed);
        });
    }

    @Override
    public Outcome<ContactPoint> setContact(
            UUID organization, ContactType type, ContactDetails details, String changedBy) {
        return contacts.set(organization, type, details, changedBy);
    }

    @Override
    public Optional<ContactPoint> contact(UUID organization, ContactType type) {
        return contacts.current(organization, type);
    }

    @Override
    public List<ContactPoint> contactHistory(UUID organization, ContactType type) {
        return contacts.history(organization, type);
    }

    @Override
    public List<Organization> withoutContact(ContactType type) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from organizations o where not exists"
                        + " (select 1 from contact_points c where c.organization_id = o.id"
                        + " and c.contact_type = :type) order by code")
                .bind("type", type.name())
                .map(JdbcOrganizations::organization)
                .list());
    }

    /** Returns a counter that changes whenever this store changed the tree (for the cached scope). */
    long treeVersion() {
        return treeVersion.get();
    }

    private Outcome<Organization> changeTree(TreeChange change) {
        treeLock.lock();
        try {
            Outcome<Organization> outcome = jdbi.inTransaction(TransactionIsolationLevel.SERIALIZABLE, change::apply);
            treeVersion.incrementAndGet();
            return outcome;
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isDuplicate(e)) {
                return refused(Outcome.Reason.CONFLICT, "code", "the code is already taken");
            }
            if (SqlStates.isMissingReference(e)) {
                return refused(Outcome.Reason.NOT_FOUND, "parent", "the parent organization no longer exists");
            }
            throw e;
        } finally {
            treeLock.unlock();
        }
    }

    private static Set<UUID> subtree(Handle h, UUID root) {
        return h.createQuery(SUBTREE)
                .bind("root", root)
                .mapTo(UUID.class)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Optional<Organization> find(Handle h, UUID id) {
        return h.createQuery("select " + COLUMNS + " from organizations where id = :id")
                .bind("id", id)
                .map(JdbcOrganizations::organization)
                .findOne();
    }

    private static Optional<Organization> byCode(Handle h, String code) {
        return h.createQuery("select " + COLUMNS + " from organizations where code = :code")
                .bind("code", code)
                .map(JdbcOrganizations::organization)
                .findOne();
    }

    static Organization organization(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Organization(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("name_en"),
                OrganizationKind.valueOf(rs.getString("kind")),
                rs.getObject("parent_id", UUID.class));
    }

    private static <T> Outcome<T> refused(Outcome.Reason reason, String field, String message) {
        return new Outcome.Refused<>(reason, field, message);
    }

    /** A change of the tree inside one transaction. */
    @FunctionalInterface
    private interface TreeChange {
        Outcome<Organization> apply(Handle handle);
    }
}

package vn.lachan.web.internal;

import io.javalin.http.Context;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Principal;

/**
 * Tells who is calling, as the server found out before the handler ran: the principal, how it proved itself,
 * and which organizations' data it may see (by code, the form events and alerts carry).
 *
 * <p>Immutable apart from the organization codes, worked out once on first use. Thread-safe.
 */
public final class Caller {
    private static final String ATTRIBUTE = "lachan.caller";

    private final Principal principal;
    private final Via via;
    private final @Nullable String sessionId;
    private final Supplier<Visibility> visibility;
    private volatile @Nullable Visibility resolved;

    /** Says how the caller proved who it is. */
    public enum Via {
        /** An API token ({@code Bearer}, {@code ApiKey} or {@code Basic}). */
        TOKEN,
        /** A browser session cookie. */
        SESSION
    }

    /**
     * Creates a caller.
     *
     * @param sessionId the session id of a session caller, null otherwise
     * @param visibility works out what the caller sees; called at most once
     */
    public Caller(Principal principal, Via via, @Nullable String sessionId, Supplier<Visibility> visibility) {
        this.principal = Objects.requireNonNull(principal, "principal");
        this.via = Objects.requireNonNull(via, "via");
        this.sessionId = sessionId;
        this.visibility = Objects.requireNonNull(visibility, "visibility");
    }

    /**
     * Says which organizations' data a caller sees. Codes compare without regard to case: organizations have
     * upper-case codes, while the ownership settings that stamp events may spell them in lower case.
     *
     * @param codes the organization codes seen, upper case, or null for every organization (the monitoring
     *     center)
     */
    public record Visibility(@Nullable Set<String> codes) {
        /** Sees every organization. */
        public static final Visibility ALL = new Visibility(null);

        public Visibility {
            codes = codes == null
                    ? null
                    : codes.stream().map(c -> c.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }

        /** Returns whether data of the organization {@code code} may be shown. */
        public boolean sees(String code) {
            return codes == null || codes.contains(code.toUpperCase(Locale.ROOT));
        }

        /**
         * Returns the codes a store query is restricted to, each in upper and lower case (stores compare
         * exactly), or null for no restriction.
         */
        public @Nullable Set<String> storeFilter() {
            if (codes == null) {
                return null;
            }
            Set<String> out = new HashSet<>();
            for (String code : codes) {
                out.add(code);
                out.add(code.toLowerCase(Locale.ROOT));
            }
            return out;
        }
    }

    /** Attaches the caller to the request. */
    public void attach(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** Returns the caller of a request that passed the server's checks; a bug when the route is public. */
    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("no caller on " + ctx.method() + " " + ctx.path() + "; is it public?");
        }
        return caller;
    }

    /** Returns the caller of a request, or null when it has none (a public route). */
    public static @Nullable Caller find(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    /** Returns who acts. */
    public Principal principal() {
        return principal;
    }

    /** Returns how the caller proved itself. */
    public Via via() {
        return via;
    }

    /** Returns the session id of a session caller, or null. */
    public @Nullable String sessionId() {
        return sessionId;
    }

    /** Returns which organizations' data the caller sees. */
    public Visibility visibility() {
        Visibility v = resolved;
        if (v == null) {
            v = visibility.get();
            resolved = v;
        }
        return v;
    }

    /** Returns whether the caller sees data of the organization {@code code}. */
    public boolean sees(String organizationCode) {
        return visibility().sees(organizationCode);
    }

    /** Returns the actor name the audit trail records, e.g. {@code user:an.nguyen}. */
    public String actor() {
        return (principal.kind() == Principal.Kind.USER ? "user:" : "token:") + principal.name();
    }
}

package vn.lachan.security.sso;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.org.Organization;
import vn.lachan.core.org.Organizations;
import vn.lachan.security.access.OrganizationFilter;
import vn.lachan.security.audit.AuditEntry;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.audit.Outcome;
import vn.lachan.security.identity.UserAccount;
import vn.lachan.security.identity.UserDirectory;
import vn.lachan.security.identity.UserStatus;
import vn.lachan.security.identity.UserStore;

/**
 * Finds the Lachan account of a provider identity: the stored (issuer, subject) link first; on first sign-in,
 * a verified e-mail or a username match when the provider allows it, or a new account from the provisioning
 * table. Every new link and new account goes into the audit trail. Thread-safe.
 */
final class AccountMatch {
    private final UserStore users;
    private final IdentityLinks links;
    private final Organizations organizations;
    private final AuditTrail audit;
    private final Clock clock;

    AccountMatch(UserStore users, IdentityLinks links, Organizations organizations, AuditTrail audit, Clock clock) {
        this.users = users;
        this.links = links;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Returns the account, or a refusal message naming why none fits. */
    Result find(OidcProvider provider, IDTokenClaimsSet claims, @Nullable String address) {
        String issuer = claims.getIssuer().getValue();
        String subject = claims.getSubject().getValue();
        Instant now = clock.instant();
        Optional<UUID> linked = links.user(issuer, subject);
        if (linked.isPresent()) {
            links.touch(issuer, subject, now);
            return users.byId(linked.get())
                    .<Result>map(Result.Found::new)
                    .orElseGet(() -> new Result.None("the linked account no longer exists"));
        }
        Optional<UserAccount> existing = byEmail(provider, claims).or(() -> byUsername(provider, claims));
        Optional<UserAccount> account = existing.isPresent() ? existing : provision(provider, claims, address);
        if (account.isEmpty()) {
            return new Result.None("no Lachan account is linked to this identity and none may be created for it");
        }
        UserAccount found = account.get();
        if (!links.link(new IdentityLinks.Link(issuer, subject, found.id(), provider.id(), now, now))) {
            return new Result.None("this identity was linked by a concurrent sign-in; sign in again");
        }
        audit.append(new AuditEntry(
                "user:" + found.username(),
                "sso.link",
                found.id().toString(),
                found.organization(),
                address,
                Outcome.SUCCESS,
                Map.of("provider", provider.id(), "issuer", issuer, "subject", subject)));
        return new Result.Found(found);
    }

    sealed interface Result {
        record Found(UserAccount account) implements Result {}

        record None(String message) implements Result {}
    }

    private Optional<UserAccount> byEmail(OidcProvider provider, IDTokenClaimsSet claims) {
        String email = claims.getStringClaim("email");
        if (!provider.linkBy().contains(OidcProvider.LinkBy.EMAIL)
                || email == null
                || !Boolean.TRUE.equals(claims.getBooleanClaim("email_verified"))) {
            return Optional.empty();
        }
        List<UserAccount> matches = users.list(new OrganizationFilter.All()).stream()
                .filter(a -> a.email() != null && a.email().equalsIgnoreCase(email.strip()))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
    }

    private Optional<UserAccount> byUsername(OidcProvider provider, IDTokenClaimsSet claims) {
        String name = claims.getStringClaim(provider.usernameClaim());
        if (!provider.linkBy().contains(OidcProvider.LinkBy.USERNAME) || name == null) {
            return Optional.empty();
        }
        return users.byUsername(UserDirectory.normalizeUsername(name));
    }

    private Optional<UserAccount> provision(OidcProvider provider, IDTokenClaimsSet claims, @Nullable String address) {
        Provisioning provisioning = provider.provisioning();
        String name = claims.getStringClaim(provider.usernameClaim());
        if (provisioning == null || name == null) {
            return Optional.empty();
        }
        Set<String> values = claimValues(claims.getClaim(provisioning.claim()));
        Optional<Provisioning.Rule> rule = provisioning.rules().stream()
                .filter(r -> values.contains(r.value()))
                .findFirst();
        String username = UserDirectory.normalizeUsername(name);
        if (rule.isEmpty() || !UserDirectory.checkUsername(username).isEmpty()) {
            return Optional.empty();
        }
        Optional<Organization> organization = organizations.byCode(rule.get().organizationCode());
        if (organization.isEmpty()) {
            return Optional.empty();
        }
        return create(provider, claims, username, rule.get(), organization.get(), address);
    }

    private Optional<UserAccount> create(
            OidcProvider provider,
            IDTokenClaimsSet claims,
            String username,
            Provisioning.Rule rule,
            Organization organization,
            @Nullable String address) {
        Instant now = clock.instant();
        String display = claims.getStringClaim("name");
        String email =
                Boolean.TRUE.equals(claims.getBooleanClaim("email_verified")) ? claims.getStringClaim("email") : null;
        var account = new UserAccount(
                UUID.randomUUID(),
                username,
                display == null || display.isBlank() ? username : display,
                email,
                organization.id(),
                Set.of(rule.role()),
                UserStatus.ACTIVE,
                now,
                now);
        if (!users.create(account)) {
            return Optional.empty();
        }
        audit.append(new AuditEntry(
                "sso:" + provider.id(),
                "user.provision",
                account.id().toString(),
                organization.id(),
                address,
                Outcome.SUCCESS,
                Map.of(
                        "username", username,
                        "role", rule.role().name(),
                        "organization", organization.code(),
                        "rule", rule.value())));
        return Optional.of(account);
    }

    private static Set<String> claimValues(@Nullable Object value) {
        if (value instanceof String s) {
            return Set.of(s);
        }
        if (value instanceof List<?> list) {
            return Set.copyOf(list.stream().map(v -> String.valueOf(v)).toList());
        }
        return Set.of();
    }
}

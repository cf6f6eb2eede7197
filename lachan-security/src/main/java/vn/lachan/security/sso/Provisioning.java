package vn.lachan.security.sso;

import java.util.List;
import java.util.Objects;
import vn.lachan.security.access.Role;

/**
 * Says how an account is created on first sign-in (just-in-time provisioning): the first rule, in order,
 * whose value the claim holds gives the role and the organization; with no rule matching, nobody is created.
 *
 * @param claim the claim read, a string or a list of strings (e.g. {@code groups}, {@code roles})
 * @param rules the mapping table, in order
 */
public record Provisioning(String claim, List<Rule> rules) {
    public Provisioning {
        Objects.requireNonNull(claim, "claim");
        rules = List.copyOf(rules);
        if (claim.isBlank() || rules.isEmpty()) {
            throw new IllegalArgumentException("provisioning needs a claim and at least one rule");
        }
    }

    /**
     * One row of the mapping table.
     *
     * @param value the claim value that selects the row (exact, case-sensitive)
     * @param role the role the new account gets
     * @param organizationCode the code of the organization the new account belongs to
     */
    public record Rule(String value, Role role, String organizationCode) {
        public Rule {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(organizationCode, "organizationCode");
        }
    }
}

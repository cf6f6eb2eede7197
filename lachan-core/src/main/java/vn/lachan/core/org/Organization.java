package vn.lachan.core.org;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Describes one organization of the provincial tree (the province, a department, a commune, a
 * ward, a public service unit, an enterprise or the SOC).
 *
 * @param id the stable identifier
 * @param code the short unique code, {@code [A-Z0-9._-]{2,32}} (e.g. {@code SO-TTTT})
 * @param name the Vietnamese name, 1 to 200 characters, kept with its diacritics (stored in NFC)
 * @param nameEn the English name, or null
 * @param kind what the organization is
 * @param parent the parent organization's id, or null for a root (the province)
 */
public record Organization(
        UUID id,
        String code,
        String name,
        @Nullable String nameEn,
        OrganizationKind kind,
        @Nullable UUID parent) {
    /** The longest name accepted, in characters (code points). */
    public static final int MAX_NAME = 200;

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        code = Names.code(code);
        name = Names.text("name", name, MAX_NAME);
        nameEn = Names.optionalText("nameEn", nameEn, MAX_NAME);
        if (id.equals(parent)) {
            throw new IllegalArgumentException("parent: organization " + code + " cannot be its own parent");
        }
    }

    /** Creates a new organization with a random id. */
    public static Organization create(
            String code, String name, @Nullable String nameEn, OrganizationKind kind, @Nullable UUID parent) {
        return new Organization(UUID.randomUUID(), code, name, nameEn, kind, parent);
    }

    /** Returns this organization with another name (and English name). */
    public Organization renamed(String newName, @Nullable String newNameEn) {
        return new Organization(id, code, newName, newNameEn, kind, parent);
    }

    /** Returns this organization under another parent (null: a root). */
    public Organization movedUnder(@Nullable UUID newParent) {
        return new Organization(id, code, name, nameEn, kind, newParent);
    }
}

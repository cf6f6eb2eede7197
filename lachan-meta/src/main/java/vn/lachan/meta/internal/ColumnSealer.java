package vn.lachan.meta.internal;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.crypto.Sealer;

/**
 * Seals and opens column values, binding each to its table, column and row: the context is {@code
 * table.column:row}, so a ciphertext copied to another row or column fails to open.
 */
public final class ColumnSealer {
    private final Sealer sealer;

    /** Creates a column sealer over the platform's {@link Sealer}. */
    public ColumnSealer(Sealer sealer) {
        this.sealer = sealer;
    }

    /** Returns the context a value of {@code table.column} in row {@code row} is sealed under. */
    public static String context(String table, String column, Object row) {
        return table + "." + column + ":" + row;
    }

    /** Seals UTF-8 text, or returns null for null. */
    public byte @Nullable [] sealText(@Nullable String text, String table, String column, Object row) {
        return text == null ? null : seal(text.getBytes(StandardCharsets.UTF_8), table, column, row);
    }

    /** Opens text sealed by {@link #sealText}, or returns null for null. */
    public @Nullable String openText(byte @Nullable [] sealed, String table, String column, Object row) {
        return sealed == null ? null : new String(open(sealed, table, column, row), StandardCharsets.UTF_8);
    }

    /** Opens text that the schema never leaves null. */
    public String openRequiredText(byte[] sealed, String table, String column, Object row) {
        return new String(open(sealed, table, column, row), StandardCharsets.UTF_8);
    }

    /** Opens bytes sealed by {@link #seal}, or returns null for null. */
    public byte @Nullable [] openBytes(byte @Nullable [] sealed, String table, String column, Object row) {
        return sealed == null ? null : open(sealed, table, column, row);
    }

    /** Seals bytes. */
    public byte[] seal(byte[] plaintext, String table, String column, Object row) {
        return sealer.seal(plaintext, context(table, column, row));
    }

    /** Opens bytes sealed by {@link #seal}. */
    public byte[] open(byte[] sealed, String table, String column, Object row) {
        return sealer.open(sealed, context(table, column, row));
    }
}

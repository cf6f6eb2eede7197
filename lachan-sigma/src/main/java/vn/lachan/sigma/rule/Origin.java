package vn.lachan.sigma.rule;

import java.util.Objects;

/**
 * Tells where a rule document was read from.
 *
 * @param file the file as given or found in a folder
 * @param line the 1-based line where the YAML document starts
 */
public record Origin(String file, int line) {
    public Origin {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
    }
}

package vn.lachan.sigma.correlate;

import org.jspecify.annotations.Nullable;

/** Gives the value of a field of a matched event, by the field name the rule uses. */
@FunctionalInterface
public interface FieldSource {

    /**
     * Returns the field's value (a string, number, boolean or list), or null when the event does not
     * have it.
     */
    @Nullable
    Object field(String name);
}

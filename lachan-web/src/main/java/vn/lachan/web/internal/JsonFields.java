package vn.lachan.web.internal;

import java.util.Locale;

/** Maps the camelCase field names of the services' problems to the API's snake_case names. */
final class JsonFields {
    private JsonFields() {}

    static String name(String field) {
        StringBuilder out = new StringBuilder(field.length() + 4);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}

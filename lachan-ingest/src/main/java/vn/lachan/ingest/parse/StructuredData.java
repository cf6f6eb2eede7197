package vn.lachan.ingest.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 5424 structured data ({@code [id name="value" …][id2 …]}) into a map of element id to a
 * map of parameter to value (a list when a name repeats), unescaping {@code \"}, {@code \\} and
 * {@code \]}.
 */
final class StructuredData {
    private StructuredData() {}

    /**
     * Holds the elements read and the index just past them, or the reason they could not be read.
     */
    record Result(
            Map<String, @Nullable Object> elements,
            int end,
            @Nullable String error) {}

    static Result read(String s, int at) {
        Map<String, @Nullable Object> elements = new LinkedHashMap<>();
        int i = at;
        while (i < s.length() && s.charAt(i) == '[') {
            int idStart = i + 1;
            int idEnd = idStart;
            while (idEnd < s.length() && s.charAt(idEnd) != ' ' && s.charAt(idEnd) != ']') {
                idEnd++;
            }
            if (idEnd == idStart || idEnd >= s.length()) {
                return new Result(elements, i, "structured data element at column " + (i + 1) + " has no id");
            }
            Map<String, @Nullable Object> params = new LinkedHashMap<>();
            i = params(s, idEnd, params);
            if (i < 0) {
                return new Result(
                        elements, -i, "structured data element '" + s.substring(idStart, idEnd) + "' is not closed");
            }
            elements.put(s.substring(idStart, idEnd), params);
        }
        return new Result(elements, i, null);
    }

    /** Reads {@code  name="value"} pairs up to {@code ]}; returns the index past it, or minus the error index. */
    private static int params(String s, int from, Map<String, @Nullable Object> params) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ']') {
                return i + 1;
            }
            if (c != ' ') {
                return -i;
            }
            int eq = s.indexOf('=', i + 1);
            if (eq < 0 || eq + 1 >= s.length() || s.charAt(eq + 1) != '"') {
                return -i;
            }
            String name = s.substring(i + 1, eq);
            StringBuilder value = new StringBuilder();
            i = quoted(s, eq + 2, value);
            if (i < 0) {
                return -(eq + 1);
            }
            add(params, name, value.toString());
        }
        return -i;
    }

    /** Reads a quoted value's body into {@code out}; returns the index past the closing quote or -1. */
    private static int quoted(String s, int from, StringBuilder out) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "\"\\]".indexOf(s.charAt(i + 1)) >= 0) {
                out.append(s.charAt(++i));
            } else if (c == '"') {
                return i + 1;
            } else {
                out.append(c);
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, @Nullable Object> params, String name, String value) {
        Object old = params.get(name);
        if (old == null) {
            params.put(name, value);
        } else if (old instanceof List<?> list) {
            ((List<Object>) list).add(value);
        } else {
            List<Object> list = new ArrayList<>();
            list.add(old);
            list.add(value);
            params.put(name, list);
        }
    }
}

package vn.lachan.ingest.file;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Names the layouts a file or archive member can have, first by its name, then by its content. */
enum Format {
    /** One JSON object per line. */
    JSON_LINES,
    /** One or more JSON documents (objects or arrays of objects), pretty-printed or not. */
    JSON_DOCUMENTS,
    /** Not known from the name: look at the content. */
    SNIFF,
    GZIP,
    ZIP,
    EVTX;

    /** Returns the format a name implies, or null when the name says it is no event file. */
    static @Nullable Format byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        if (lower.endsWith(".json")) {
            return SNIFF;
        }
        if (lower.endsWith(".gz")) {
            return GZIP;
        }
        if (lower.endsWith(".zip")) {
            return ZIP;
        }
        return lower.endsWith(".evtx") ? EVTX : null;
    }

    /** Returns the name of the content inside a gzip file: {@code a.json.gz} holds {@code a.json}. */
    static String insideGzip(String name) {
        return name.substring(0, name.length() - ".gz".length());
    }

    /** Tells whether a folder entry or archive member is a resource fork or other operating-system clutter. */
    static boolean isClutter(String memberName) {
        String fileName = memberName.substring(memberName.lastIndexOf('/') + 1);
        return memberName.startsWith("__MACOSX/")
                || memberName.contains("/__MACOSX/")
                || fileName.startsWith("._")
                || fileName.equals(".DS_Store");
    }
}

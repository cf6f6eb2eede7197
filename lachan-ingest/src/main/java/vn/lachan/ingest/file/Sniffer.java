package vn.lachan.ingest.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.jspecify.annotations.Nullable;

/** Tells JSON lines from JSON documents by the first bytes of the content. */
final class Sniffer {
    static final int HEAD = 1 << 13;

    private Sniffer() {}

    /** Holds the bytes looked at and the stream that still yields all the content. */
    record Peeked(byte[] head, int length, InputStream whole) {}

    /** Reads up to {@link #HEAD} bytes and returns them with a stream that replays them first. */
    static Peeked peek(InputStream in) throws IOException {
        byte[] head = in.readNBytes(HEAD);
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), in);
        return new Peeked(head, head.length, whole);
    }

    /**
     * Returns {@link Format#JSON_LINES} when the first non-blank line holds more than an opening brace
     * (or the content is blank), {@link Format#JSON_DOCUMENTS} for an array or a pretty-printed
     * document, and null when the content does not start like JSON.
     */
    static @Nullable Format sniff(byte[] head, int length) {
        int i = skipBom(head, length);
        while (i < length && isWhitespace(head[i])) {
            i++;
        }
        if (i == length) {
            return Format.JSON_LINES;
        }
        if (head[i] == '[') {
            return Format.JSON_DOCUMENTS;
        }
        if (head[i] != '{') {
            return null;
        }
        for (int j = i + 1; j < length; j++) {
            if (head[j] == '\n') {
                return Format.JSON_DOCUMENTS;
            }
            if (!isWhitespace(head[j])) {
                return Format.JSON_LINES;
            }
        }
        return Format.JSON_LINES;
    }

    /** Describes the first bytes for a message such as "it starts with 'PK'". */
    static String startOf(byte[] head, int length) {
        int i = skipBom(head, length);
        while (i < length && isWhitespace(head[i])) {
            i++;
        }
        StringBuilder shown = new StringBuilder();
        for (int j = i; j < length && shown.length() < 16; j++) {
            char c = (char) (head[j] & 0xFF);
            shown.append(c >= 0x20 && c < 0x7F ? c : '.');
        }
        return shown.toString();
    }

    private static int skipBom(byte[] head, int length) {
        boolean bom = length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
        return bom ? 3 : 0;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}

package vn.lachan.ingest.parse;

import java.util.Random;

/** Writes seeded random JSON objects with multi-byte text and escapes, and breaks their bytes at random. */
final class RandomJson {
    private static final String[] PIECES = {
        "a", "Z", "0", " ", "é", "ệ", "\u4e00", "\uD83D\uDE00", "\\\\", "\\n", "\\u00e9", "\\\"", "C:\\\\Windows", "\t"
    };

    private RandomJson() {}

    static String text(Random random, int pieces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    static String object(Random random, int depth) {
        StringBuilder out = new StringBuilder("{");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            out.append(i > 0 ? "," : "")
                    .append('"')
                    .append(text(random, 1 + random.nextInt(3)).replace("\t", "t"))
                    .append("\":")
                    .append(value(random, depth));
        }
        return out.append('}').toString();
    }

    private static String value(Random random, int depth) {
        return switch (random.nextInt(depth < 2 ? 9 : 7)) {
            case 0 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 1 -> "123456789012345678901234567890";
            case 2 -> Double.toString(random.nextDouble() * 1000);
            case 3 -> random.nextBoolean() ? "true" : "false";
            case 4 -> "null";
            case 5, 6 -> '"' + text(random, random.nextInt(8)).replace("\t", " ") + '"';
            case 7 -> object(random, depth + 1);
            default -> "[" + value(random, depth + 1) + "," + value(random, depth + 1) + "]";
        };
    }

    /** Returns the bytes as they are half of the time, else broken in one of several ways. */
    static byte[] mutated(Random random, byte[] json) {
        if (random.nextBoolean()) {
            return random.nextInt(4) == 0 ? frame(random, json) : json;
        }
        byte[] out = json.clone();
        int at = out.length == 0 ? 0 : random.nextInt(out.length);
        return switch (random.nextInt(6)) {
            case 0 -> replace(out, at, (byte) (0x80 + random.nextInt(128)));
            case 1 -> replace(out, at, (byte) 0);
            case 2 -> java.util.Arrays.copyOf(out, at);
            case 3 -> insert(out, at, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
            case 4 -> insert(out, at, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
            default -> insert(out, at, new byte[] {(byte) 0xe0, (byte) 0x80});
        };
    }

    private static byte[] frame(Random random, byte[] json) {
        String before = switch (random.nextInt(3)) {
            case 0 -> "\uFEFF";
            case 1 -> "   ";
            default -> "";
        };
        String after = random.nextBoolean() ? "\r\n" : "\n\u0000";
        byte[] head = before.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return insert(insert(json, 0, head), head.length + json.length, tail);
    }

    private static byte[] replace(byte[] bytes, int at, byte value) {
        if (at < bytes.length) {
            bytes[at] = value;
        }
        return bytes;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] more) {
        byte[] out = new byte[bytes.length + more.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(more, 0, out, at, more.length);
        System.arraycopy(bytes, at, out, at + more.length, bytes.length - at);
        return out;
    }
}

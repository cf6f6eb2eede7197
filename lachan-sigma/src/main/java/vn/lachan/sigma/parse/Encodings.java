package vn.lachan.sigma.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import vn.lachan.sigma.rule.Glob;

/** Applies the encoding modifiers: UTF-16 variants, Base64, Base64 at three offsets, Windows dashes. */
final class Encodings {
    /** The five dash characters {@code windash} puts at each expandable position, in pySigma's order. */
    static final List<String> DASHES = List.of("-", "/", "\u2013", "\u2014", "\u2015");

    private Encodings() {}

    /** Returns the literal parts encoded as UTF-16 (each char becomes two byte-chars); wildcards stay. */
    static Item.Chars utf16(Item.Chars value, boolean bigEndian, boolean byteOrderMark) {
        List<Glob.Part> out = new ArrayList<>();
        if (byteOrderMark) {
            out.add(new Glob.Literal("\u00FF\u00FE"));
        }
        for (Glob.Part part : value.parts()) {
            out.add(part instanceof Glob.Literal l ? new Glob.Literal(utf16(l.text(), bigEndian)) : part);
        }
        return new Item.Chars(SigmaStrings.normalize(out), true);
    }

    private static String utf16(String text, boolean bigEndian) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char low = (char) (c & 0xFF);
            char high = (char) (c >>> 8);
            out.append(bigEndian ? high : low).append(bigEndian ? low : high);
        }
        return out.toString();
    }

    /** Returns the bytes a wildcard-free value stands for: Latin-1 after a UTF-16 encoding, else UTF-8. */
    static byte[] bytes(Item.Chars value) {
        String plain = SigmaStrings.plain(value.parts());
        return plain.getBytes(value.bytes() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** Returns the standard Base64 encoding (with padding) of the bytes. */
    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Returns the three Base64 variants of the bytes at offsets 0, 1 and 2 (pySigma's algorithm):
     * encode i spaces + value, drop the first 0/2/3 chars and the last 0/3/2 chars chosen by
     * {@code (length + i) mod 3}.
     */
    static List<String> base64Offsets(byte[] bytes) {
        int[] start = {0, 2, 3};
        int[] endDrop = {0, 3, 2};
        List<String> variants = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            byte[] shifted = new byte[bytes.length + i];
            for (int k = 0; k < i; k++) {
                shifted[k] = ' ';
            }
            System.arraycopy(bytes, 0, shifted, i, bytes.length);
            String encoded = base64(shifted);
            int end = encoded.length() - endDrop[(bytes.length + i) % 3];
            variants.add(start[i] < end ? encoded.substring(start[i], end) : "");
        }
        return variants;
    }

    /** Counts the dash positions {@code windash} expands in the value's literals. */
    static int dashPositions(Item.Chars value) {
        int count = 0;
        for (Glob.Part part : value.parts()) {
            if (part instanceof Glob.Literal l) {
                count += expandable(l.text()).size();
            }
        }
        return count;
    }

    /**
     * Returns every variant of the value with each dash at pySigma's {@code \B[-/]\b} positions
     * replaced by one of the five {@link #DASHES}, in product order.
     */
    static List<Item.Chars> windash(Item.Chars value) {
        List<List<Glob.Part>> variants = new ArrayList<>();
        variants.add(new ArrayList<>());
        for (Glob.Part part : value.parts()) {
            List<String> texts = part instanceof Glob.Literal l ? windash(l.text()) : List.of();
            List<List<Glob.Part>> next = new ArrayList<>(variants.size() * Math.max(1, texts.size()));
            for (List<Glob.Part> prefix : variants) {
                for (Glob.Part choice : texts.isEmpty() ? List.of(part) : literals(texts)) {
                    List<Glob.Part> extended = new ArrayList<>(prefix);
                    extended.add(choice);
                    next.add(extended);
                }
            }
            variants = next;
        }
        return variants.stream()
                .map(parts -> new Item.Chars(SigmaStrings.normalize(parts), value.bytes()))
                .toList();
    }

    private static List<Glob.Part> literals(List<String> texts) {
        return texts.stream().map(t -> (Glob.Part) new Glob.Literal(t)).toList();
    }

    private static List<String> windash(String text) {
        List<String> variants = List.of("");
        int from = 0;
        for (int position : expandable(text)) {
            String before = text.substring(from, position);
            List<String> next = new ArrayList<>(variants.size() * DASHES.size());
            for (String prefix : variants) {
                for (String dash : DASHES) {
                    next.add(prefix + before + dash);
                }
            }
            variants = next;
            from = position + 1;
        }
        String rest = text.substring(from);
        return variants.stream().map(v -> v + rest).toList();
    }

    /** Returns the indexes of {@code -} or {@code /} with no word char before and a word char after. */
    static List<Integer> expandable(String text) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean dash = c == '-' || c == '/';
            boolean noWordBefore = i == 0 || !isWord(text.charAt(i - 1));
            boolean wordAfter = i + 1 < text.length() && isWord(text.charAt(i + 1));
            if (dash && noWordBefore && wordAfter) {
                positions.add(i);
            }
        }
        return positions;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}

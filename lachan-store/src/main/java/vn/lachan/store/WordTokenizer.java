package vn.lachan.store;

import java.io.IOException;
import java.text.Normalizer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * Splits text into runs of letters, digits and non-spacing marks, each lowercased and folded to ASCII in
 * one pass: the tokens of Lucene's {@code CharTokenizer} (runs cut at {@value #MAX_TOKEN} characters)
 * followed by {@code LowerCaseFilter} and {@code ASCIIFoldingFilter}, with a fast path for ASCII runs
 * (most of a log message) that needs neither the JDK's Unicode tables nor the two filters.
 *
 * <p>A run holding a character from U+0300 up is put in NFC first, so that decomposed Vietnamese (NFD)
 * gives the tokens of composed text; the rest of the text is not scanned for it.
 */
final class WordTokenizer extends Tokenizer {
    /** Longest token, in UTF-16 characters before folding, as {@code CharTokenizer}'s default. */
    static final int MAX_TOKEN = 255;

    private static final char FIRST_COMBINING = '\u0300';
    private static final boolean[] ASCII_WORD = asciiWordChars();

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
    private char[] text = new char[1024];
    private char[] folded = new char[0];
    private int length = -1;
    private int next;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (length < 0) {
            readAll();
        }
        int start = skipSeparators(next);
        if (start >= length) {
            next = length;
            return false;
        }
        char[] out = term.resizeBuffer(MAX_TOKEN + 1);
        int i = start;
        int n = 0;
        while (i < length && n < MAX_TOKEN) {
            char c = text[i];
            if (c >= 0x80) {
                return wideToken(start);
            }
            if (!ASCII_WORD[c]) {
                break;
            }
            out[n++] = c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
            i++;
        }
        term.setLength(n);
        return emit(start, i);
    }

    private boolean emit(int start, int end) {
        offsets.setOffset(correctOffset(start), correctOffset(end));
        next = end;
        return true;
    }

    /** Reads the token at {@code start} that holds a character beyond ASCII, the way the Lucene chain does. */
    private boolean wideToken(int start) {
        int end = start;
        int chars = 0;
        boolean combining = false;
        while (end < length && chars < MAX_TOKEN) {
            int c = Character.codePointAt(text, end, length);
            if (!isWordChar(c)) {
                break;
            }
            combining |= c >= FIRST_COMBINING;
            int count = Character.charCount(c);
            end += count;
            chars += count;
        }
        String raw = new String(text, start, end - start);
        if (combining) {
            raw = Normalizer.normalize(raw, Normalizer.Form.NFC);
        }
        setFolded(raw);
        return emit(start, end);
    }

    /** Sets the term to {@code raw} lowercased by code point, then folded to ASCII. */
    private void setFolded(String raw) {
        int n = raw.length();
        char[] lower = term.resizeBuffer(n + 1);
        raw.getChars(0, n, lower, 0);
        boolean ascii = true;
        for (int i = 0; i < n; ) {
            int c = Character.toLowerCase(Character.codePointAt(lower, i, n));
            ascii &= c < 0x80;
            i += Character.toChars(c, lower, i);
        }
        if (ascii) {
            term.setLength(n);
            return;
        }
        if (folded.length < 4 * n) {
            folded = new char[ArrayUtil.oversize(4 * n, Character.BYTES)];
        }
        int foldedLength = ASCIIFoldingFilter.foldToASCII(lower, 0, folded, 0, n);
        term.copyBuffer(folded, 0, foldedLength);
    }

    private int skipSeparators(int from) {
        int i = from;
        while (i < length) {
            char c = text[i];
            if (c < 0x80) {
                if (ASCII_WORD[c]) {
                    return i;
                }
                i++;
            } else {
                int cp = Character.codePointAt(text, i, length);
                if (isWordChar(cp)) {
                    return i;
                }
                i += Character.charCount(cp);
            }
        }
        return i;
    }

    private void readAll() throws IOException {
        int n = 0;
        for (int read = input.read(text, 0, text.length); read > 0; read = input.read(text, n, text.length - n)) {
            n += read;
            if (n == text.length) {
                text = ArrayUtil.grow(text, n + 1);
            }
        }
        length = n;
        next = 0;
    }

    static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(Math.max(length, 0));
        offsets.setOffset(last, last);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        length = -1;
        next = 0;
        if (text.length > 1 << 16) {
            text = new char[1024];
        }
    }

    private static boolean[] asciiWordChars() {
        boolean[] word = new boolean[0x80];
        for (int c = 0; c < word.length; c++) {
            word[c] = isWordChar(c);
        }
        return word;
    }
}

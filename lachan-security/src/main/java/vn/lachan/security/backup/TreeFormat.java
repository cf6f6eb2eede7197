package vn.lachan.security.backup;

import java.nio.charset.StandardCharsets;

/**
 * The plaintext layout inside a backup envelope: a magic line, then entries, then an end record.
 *
 * <pre>
 * "lachan-backup 1\n"
 * entry   = type (1: folder, 2: file) ‖ path (u16 + UTF-8, relative, '/'-separated) ‖ mode (u16, POSIX bits)
 * file    = entry ‖ size (u64) ‖ content ‖ SHA-256 of content (32)
 * end     = type 0 ‖ folders (u64) ‖ files (u64) ‖ bytes (u64)
 * </pre>
 */
final class TreeFormat {
    static final byte[] MAGIC = "lachan-backup 1\n".getBytes(StandardCharsets.US_ASCII);
    static final String LABEL = "lachan-backup/1";
    static final int END = 0;
    static final int DIRECTORY = 1;
    static final int FILE = 2;
    static final int MAX_PATH = 4096;

    private TreeFormat() {}
}

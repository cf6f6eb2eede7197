package vn.lachan.security.password;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.lachan.core.problem.Problem;

/** Judges a new password: long enough, not too long, not the username, not a well-known one. */
final class PasswordPolicy {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;

    /** Passwords that appear first in every guessing list, plus local favourites ("mật khẩu"). */
    private static final Set<String> DENIED = Set.of(
            "123456789012",
            "1234567890123",
            "12345678901234",
            "123456123456",
            "password1234",
            "password12345",
            "passwordpassword",
            "qwertyuiop12",
            "qwertyuiop123",
            "qwerty123456",
            "1q2w3e4r5t6y",
            "iloveyou1234",
            "admin1234567",
            "administrator",
            "changeme1234",
            "welcome12345",
            "letmein12345",
            "abc123456789",
            "matkhau12345",
            "matkhau123456",
            "matkhaumoi123",
            "lachan123456",
            "lachanlachan",
            "vietnam12345",
            "vietnam123456",
            "hanoi1234567",
            "saigon123456",
            "000000000000",
            "111111111111",
            "abcdefghijkl");

    private PasswordPolicy() {}

    static List<Problem> check(String username, String password) {
        List<Problem> problems = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        String folded = fold(password);
        if (length < MIN_LENGTH) {
            problems.add(problem("the password has " + length + " characters; use at least " + MIN_LENGTH));
        } else if (length > MAX_LENGTH) {
            problems.add(problem("the password has " + length + " characters; use at most " + MAX_LENGTH));
        }
        if (!username.isBlank() && folded.equals(fold(username))) {
            problems.add(problem("the password must not be the username"));
        }
        if (DENIED.contains(folded)) {
            problems.add(problem("this password is on the list of the most guessed passwords; choose another"));
        } else if (length >= MIN_LENGTH && folded.codePoints().distinct().count() <= 2) {
            problems.add(problem("the password repeats one or two characters; choose one that is harder to guess"));
        }
        return problems;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static Problem problem(String message) {
        return new Problem("password", "", message);
    }
}

package vn.lachan.security.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Cuts a list of accounts (ordered by username) into the page a {@link UserQuery} selects. */
final class UserPages {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private UserPages() {}

    static UserPage page(List<UserAccount> accounts, UserQuery query) {
        String after = query.after();
        String text = query.text();
        String wanted = text == null || text.isBlank() ? null : fold(text);
        List<UserAccount> items = new ArrayList<>(query.limit());
        for (UserAccount account : accounts) {
            if (after != null && account.username().compareTo(after) <= 0) {
                continue;
            }
            if (matches(account, query, wanted)) {
                if (items.size() == query.limit()) {
                    return new UserPage(items, items.getLast().username());
                }
                items.add(account);
            }
        }
        return new UserPage(items, null);
    }

    private static boolean matches(UserAccount account, UserQuery query, @Nullable String text) {
        return (query.organization() == null || account.organization().equals(query.organization()))
                && (query.role() == null || account.roles().contains(query.role()))
                && (query.status() == null || account.status() == query.status())
                && (text == null
                        || fold(account.username()).contains(text)
                        || fold(account.displayName()).contains(text));
    }

    /** Returns the text without case and diacritics, so that {@code nguyen} finds {@code Nguyễn}. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed)
                .replaceAll("")
                .replace('đ', 'd')
                .replace('Đ', 'D')
                .toLowerCase(Locale.ROOT);
    }
}

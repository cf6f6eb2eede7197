package vn.lachan.core.alert;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Returns one page of alerts.
 *
 * @param items the alerts of the page, newest first
 * @param total how many alerts match the query in all
 * @param nextCursor what to pass to get the next page, or null on the last page
 */
public record AlertPage(
        List<AlertRecord> items, long total, @Nullable String nextCursor) {
    public AlertPage {
        items = List.copyOf(items);
    }
}

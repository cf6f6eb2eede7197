package vn.lachan.web.org;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.org.ContactDetails;
import vn.lachan.core.org.ContactPoint;

/** Renders contact points: the current one with when its change must be reported, and its history. */
final class ContactViews {
    private ContactViews() {}

    /** Returns the current version and the history (newest first), or null when the contact was never set. */
    static @Nullable Map<String, @Nullable Object> of(List<ContactPoint> history) {
        if (history.isEmpty()) {
            return null;
        }
        Map<String, @Nullable Object> out = current(history.getFirst());
        out.put("history", history.stream().map(ContactViews::version).toList());
        return out;
    }

    /** Returns one version with the moment the coordinator must have been told of it (24 hours after). */
    static Map<String, @Nullable Object> current(ContactPoint point) {
        Map<String, @Nullable Object> out = version(point);
        out.put("type", point.type().name().toLowerCase(java.util.Locale.ROOT));
        return out;
    }

    private static Map<String, @Nullable Object> version(ContactPoint point) {
        ContactDetails d = point.details();
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("full_name", d.fullName());
        out.put("unit", d.unit());
        out.put("position", d.position());
        out.put("address", d.address());
        out.put("phone_fixed", d.phoneFixed());
        out.put("phone_mobile", d.phoneMobile());
        out.put("email", d.email());
        out.put("published_url", d.publishedUrl() == null ? null : String.valueOf(d.publishedUrl()));
        out.put("changed_at", point.changedAt().toString());
        out.put("changed_by", point.changedBy());
        out.put("report_due", point.reportDue().toString());
        return out;
    }
}

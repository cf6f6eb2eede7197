package vn.lachan.core.org;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Describes the person behind a contact point, as published to the national coordinator.
 *
 * <p>The full name, address, phones and email are personal data: stores encrypt them at rest.
 *
 * @param fullName the person's full name (họ và tên), kept with its diacritics
 * @param unit the unit the person works in
 * @param position the person's position (chức vụ)
 * @param address the postal address, or null
 * @param phoneFixed the landline number, or null
 * @param phoneMobile the mobile number (reachable 24/7 for {@link ContactType#UCSC_24_7})
 * @param email the email address, lower-cased
 * @param publishedUrl where the contact is published (the organization's portal), or null
 */
public record ContactDetails(
        String fullName,
        String unit,
        String position,
        @Nullable String address,
        @Nullable String phoneFixed,
        String phoneMobile,
        String email,
        @Nullable URI publishedUrl) {
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{5,30}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public ContactDetails {
        fullName = Names.text("fullName", fullName, 200);
        unit = Names.text("unit", unit, 200);
        position = Names.text("position", position, 200);
        address = Names.optionalText("address", address, 500);
        phoneFixed = phoneFixed == null || phoneFixed.isBlank() ? null : phone("phoneFixed", phoneFixed);
        phoneMobile = phone("phoneMobile", phoneMobile);
        email = email(email);
        if (publishedUrl != null && !isWeb(publishedUrl)) {
            throw new IllegalArgumentException("publishedUrl: '" + publishedUrl + "' is not an http or https URL");
        }
    }

    private static String phone(String field, String phone) {
        String value = phone.strip();
        if (!PHONE.matcher(value).matches()) {
            throw new IllegalArgumentException(field + ": '" + value
                    + "' is not a phone number (digits, optionally a leading +, spaces, dots, dashes, brackets)");
        }
        return value;
    }

    private static String email(String email) {
        String value = email.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            throw new IllegalArgumentException("email: '" + value + "' is not an email address (name@domain.vn)");
        }
        return value;
    }

    private static boolean isWeb(URI uri) {
        String scheme = uri.getScheme();
        return uri.getHost() != null && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
    }
}

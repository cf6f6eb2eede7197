package vn.lachan.app.serve;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.meta.MetaConfig;

/** Reads where the metadata database is: embedded H2 under the data folder by default, else PostgreSQL. */
final class MetaSettings {
    private MetaSettings() {}

    /**
     * Reads the {@code meta} section; returns null for the embedded database.
     *
     * @param environment where the password is read from, under the variable {@code meta.password_env} names
     */
    static @Nullable MetaConfig read(Section meta, Map<String, String> environment) {
        String url = meta.optionalText("url", null);
        String user = meta.text("user", "lachan");
        String passwordEnv = meta.text("password_env", "LACHAN_META_PASSWORD");
        meta.rejectUnknown();
        if (url == null) {
            return null;
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            meta.problem(
                    "url",
                    "must be a PostgreSQL JDBC URL such as jdbc:postgresql://db.local:5432/lachan"
                            + " (leave it empty for the embedded database)");
            return null;
        }
        String password = environment.get(passwordEnv);
        if (password == null) {
            meta.problem(
                    "password_env",
                    "the environment variable " + passwordEnv + " holding the database" + " password is not set");
            return null;
        }
        return MetaConfig.postgres(url, user, password);
    }
}

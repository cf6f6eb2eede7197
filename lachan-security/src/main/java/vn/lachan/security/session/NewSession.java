package vn.lachan.security.session;

import java.util.Objects;

/**
 * Holds a session just begun: put {@code id} in the cookie and {@code csrfToken} in the pages.
 *
 * @param id the session id (43 base64url characters, 256 random bits); stored only as a hash
 * @param session the stored form
 * @param csrfToken the synchronizer token bound to this session
 */
public record NewSession(String id, Session session, String csrfToken) {
    public NewSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }

    @Override
    public String toString() {
        return "NewSession[user " + session.user() + ", id hidden]";
    }
}

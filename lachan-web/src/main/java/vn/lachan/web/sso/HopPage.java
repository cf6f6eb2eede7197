package vn.lachan.web.sso;

import io.javalin.http.Context;

/**
 * Answers the provider's redirect with a small page that moves on to the local path. Not a 302: the session
 * cookie is SameSite=Strict, and a browser withholds it from every request of a redirect chain that began on
 * the provider's site; a navigation started by this page, on Lachan's own site, carries it.
 */
final class HopPage {
    private HopPage() {}

    static void send(Context ctx, String localPath) {
        String escaped = escape(localPath);
        ctx.status(200)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .contentType("text/html; charset=utf-8")
                .result("<!doctype html><html><head><meta charset=\"utf-8\">"
                        + "<meta http-equiv=\"refresh\" content=\"0;url=" + escaped + "\">"
                        + "<title>Lachan</title></head><body><p>Signed in. <a href=\"" + escaped
                        + "\">Continue</a></p></body></html>");
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

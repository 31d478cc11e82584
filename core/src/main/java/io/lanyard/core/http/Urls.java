package io.lanyard.core.http;

import java.net.URI;
import java.util.Locale;

/** URL rules shared by configuration and metadata checks. */
public final class Urls {

    private Urls() {
    }

    public static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
    }

    /** https, or plain http to a loopback address (a provider on the same machine, as in the sandbox). */
    public static boolean isHttpsOrLoopbackHttp(URI uri) {
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || (scheme.equals("http") && isLoopbackHost(uri.getHost()));
    }
}

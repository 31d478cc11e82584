package io.lanyard.core.nodes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name this cluster node reports under: the JVM property {@value #PROPERTY} if set (needed only when several nodes
 * run on one host), else the host's name. Only letters, digits, dots, dashes and underscores are kept: it becomes a
 * file name.
 */
public final class NodeIdentity {

    public static final String PROPERTY = "lanyard.node.id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private NodeIdentity() {
    }

    /** This node's name, as above. */
    public static String ofThisNode() {
        return of(Optional.ofNullable(System.getProperty(PROPERTY)).filter(id -> !id.isBlank()).orElseGet(NodeIdentity::hostName));
    }

    /** {@code name} if it is safe as a file name, else a stable name derived from it. */
    public static String of(String name) {
        String stripped = name.strip();
        if (SAFE.matcher(stripped).matches() && !stripped.startsWith(".")) {
            return stripped;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(stripped.getBytes(StandardCharsets.UTF_8));
            return "node-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("this-node");
        }
    }
}

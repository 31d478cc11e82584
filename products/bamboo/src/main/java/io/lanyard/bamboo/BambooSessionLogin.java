package io.lanyard.bamboo;

import io.lanyard.plugin.sal.SalLogin;
import io.lanyard.plugin.seraph.SeraphSessionLogin;
import java.security.Principal;

/**
 * Logs a user in to Bamboo through SAL ({@link SeraphSessionLogin}): Bamboo's own {@code UserManager.resolve} gives
 * the principal its listener and its Seraph expect, which settles what was a guess before (docs/host-evidence.md,
 * topics 1.3 and 1.5). Bamboo keeps no login record Lanyard could reach.
 */
public final class BambooSessionLogin extends SeraphSessionLogin {

    public BambooSessionLogin(SalLogin salLogin) {
        super("Bamboo", salLogin);
    }

    /** The principal SAL resolved: Seraph 4.1+ reloads the user by its name anyway. */
    @Override
    protected Object seraphPrincipal(Principal salPrincipal, String username) {
        return salPrincipal;
    }
}

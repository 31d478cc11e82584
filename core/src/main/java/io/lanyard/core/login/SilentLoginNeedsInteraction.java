package io.lanyard.core.login;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import java.util.Objects;
import java.util.Set;

/**
 * A silent login ({@code prompt=none}) came back with the provider's word that it needs the person: their session
 * there has ended, or they must consent or choose an account. Not a failure to show: the edge starts the normal login
 * at the same provider for the same page ({@link #identityProviderId()}, {@link #returnPath()}).
 */
public final class SilentLoginNeedsInteraction extends LoginFailedException {

    private static final long serialVersionUID = 1L;
    /** OIDC Core §3.1.2.6: the errors a provider answers {@code prompt=none} with when it would have to ask. */
    static final Set<String> ERRORS = Set.of("login_required", "interaction_required", "consent_required",
            "account_selection_required");

    private final String identityProviderId;
    private final String returnPath;

    public SilentLoginNeedsInteraction(PendingLogin pending, String providerError) {
        super(ErrorCode.SILENT_LOGIN_NEEDS_INTERACTION, "the silent renewal at identity provider "
                + pending.identityProviderId() + " needs the person (" + providerError + "): starting the normal login",
                providerError);
        this.identityProviderId = Objects.requireNonNull(pending.identityProviderId());
        this.returnPath = pending.returnPath();
    }

    public String identityProviderId() {
        return identityProviderId;
    }

    public String returnPath() {
        return returnPath;
    }
}

package com.atlassian.confluence.event.events.security;

import java.io.Serializable;
import java.util.Objects;

/**
 * Declaration only, the host provides the real class (Confluence 8.7.2; UNCONFIRMED on 9 and 10). The body keeps
 * its values for fake hosts in tests. Evidence: docs/host-evidence.md, topic 1.
 */
public class LoginDetails implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LoginSource loginSource;
    private final CaptchaState captchaState;

    /** {@code captchaState} may be {@code null} (Confluence then records {@link CaptchaState#NOT_SHOWN}). */
    public LoginDetails(LoginSource loginSource, CaptchaState captchaState) {
        this.loginSource = Objects.requireNonNull(loginSource, "loginSource");
        this.captchaState = captchaState == null ? CaptchaState.NOT_SHOWN : captchaState;
    }

    public LoginSource getLoginSource() {
        return loginSource;
    }

    public CaptchaState getCaptchaState() {
        return captchaState;
    }

    /** Declaration only, the host provides the real enum (constants resolve by name). */
    public enum LoginSource {
        DIRECT,
        COOKIE,
        SSO,
        UNKNOWN
    }

    /** Declaration only, the host provides the real enum (constants resolve by name). */
    public enum CaptchaState {
        PASSED,
        FAILED,
        NOT_SHOWN
    }
}

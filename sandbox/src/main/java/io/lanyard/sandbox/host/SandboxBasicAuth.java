package io.lanyard.sandbox.host;

import io.lanyard.core.bearer.BasicAuthCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The sandbox's own HTTP Basic authentication, standing in for the products' (Seraph's login filter, Bitbucket's
 * authentication handlers): {@code Authorization: Basic} with an active account's password (in the sandbox, its
 * username) runs that request as the account, without a session; a wrong one is 401 with a Basic challenge. Lanyard's
 * {@code BasicAuthFilter} runs before it, as it runs before the products' Basic handling.
 */
public final class SandboxBasicAuth implements Filter {

    private final SandboxUserDirectory directory;
    private final SandboxRequestLogin requestLogin = new SandboxRequestLogin();

    public SandboxBasicAuth(SandboxUserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request instanceof HttpServletRequest http ? http.getHeader("Authorization") : null;
        if (!BasicAuthCheck.isBasic(authorization)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> username = credentials(authorization).flatMap(pair -> directory.authenticate(pair[0], pair[1]))
                .map(user -> user.username());
        HttpServletResponse httpResponse = (HttpServletResponse) response;
        if (username.isEmpty()) {
            httpResponse.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            httpResponse.setHeader("WWW-Authenticate", "Basic realm=\"sandbox\"");
            httpResponse.setContentType("application/json;charset=UTF-8");
            httpResponse.getWriter().write("{\"error\":\"wrong username or password\"}");
            return;
        }
        requestLogin.proceedAs(username.get(), (HttpServletRequest) request, httpResponse, chain);
    }

    private static Optional<String[]> credentials(String authorization) {
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}

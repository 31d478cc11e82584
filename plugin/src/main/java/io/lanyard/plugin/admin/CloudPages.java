package io.lanyard.plugin.admin;

import io.lanyard.core.error.ErrorCode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The "Cloud integration" page: Microsoft Entra ID connectors. The connector model and {@code connector.xml} come
 * with the client-secrets work; until they are in this build the page says so instead of offering a form that
 * could not be saved.
 */
final class CloudPages {

    private final AdminView view;

    CloudPages(AdminView view) {
        this.view = view;
    }

    void handle(HttpServletRequest request, HttpServletResponse response, List<String> path) throws IOException {
        if (!path.isEmpty() || !"GET".equals(request.getMethod())) {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
            return;
        }
        view.show(request, response, HttpServletResponse.SC_OK, AdminView.TAB_CLOUD, "cloudPage", Map.of());
    }
}

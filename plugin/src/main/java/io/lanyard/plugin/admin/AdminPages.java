package io.lanyard.plugin.admin;

import java.io.IOException;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * One section of the admin pages, at {@code /plugins/servlet/lanyard/admin/<path>}, with its own tab (e.g. the pages
 * of one kind of integration). {@link AdminServlet} admits the request, then hands it to the section its first path
 * segment names.
 */
public interface AdminPages {

    /** The first path segment, e.g. {@code idp}; also the tab the pages belong to. */
    String path();

    /** @param segments the path segments after {@link #path()} */
    void handle(HttpServletRequest request, HttpServletResponse response, List<String> segments) throws IOException;
}

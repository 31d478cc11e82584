package io.lanyard.plugin.web;

/**
 * Turns a failure into an HTML document. Kept apart from {@link ErrorPage} (status, headers, logging) so that
 * the product plugins can render with the host's templates while the decisions stay in one place.
 */
@FunctionalInterface
public interface ErrorPageRenderer {

    /** A complete HTML document; every value of the model must be escaped. */
    String render(ErrorPageModel model);
}

package io.lanyard.core.diagnostics;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What a "Test" of an Entra ID connector found: the organization Microsoft Graph returned, or the failure that
 * stopped the test, with the error Entra ID or Graph gave when they gave one.
 *
 * @param tokenEndpoint where the token was requested
 * @param graphUrl      the Graph resource read
 * @param organization  the tenant's organization, when the whole test passed
 * @param failure       the first failure; empty when the test passed
 * @param remoteError   Entra ID's {@code error} and {@code error_description}, or Graph's {@code error.code} and
 *                      {@code error.message}, when the failure came with one
 */
public record GraphCheckReport(URI tokenEndpoint, URI graphUrl, Optional<Organization> organization,
        Optional<CheckFailure> failure, Optional<RemoteError> remoteError) implements CheckReport {

    /** One entry of Graph's {@code /organization}. */
    public record Organization(String id, String displayName) {
        public Organization {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(displayName, "displayName");
        }
    }

    /**
     * An error as Entra ID or Microsoft Graph worded it, e.g. {@code invalid_client} and
     * {@code AADSTS7000215: Invalid client secret provided…}, or {@code Authorization_RequestDenied} and
     * {@code Insufficient privileges…}. Shown to administrators as text, escaped.
     */
    public record RemoteError(String code, String description) {
        public RemoteError {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(description, "description");
        }
    }

    public GraphCheckReport {
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(graphUrl, "graphUrl");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(remoteError, "remoteError");
        if (organization.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("a report has either an organization or a failure");
        }
    }

}

package io.lanyard.plugin.crowd;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A product without the user and group API an adapter writes through: not the API Lanyard knows (a
 * {@link LinkageError}), or the OSGi service not published (the optional reference's proxy throws Gemini Blueprint's
 * {@code ServiceUnavailableException} at once, {@code timeout="0"}). Either is {@code HOST_WRITES_UNAVAILABLE}, with
 * one warning per adapter in the log: only just-in-time creation and group sync stop; logins without them go on.
 */
public final class MissingWriteApi {

    private static final Logger LOG = LoggerFactory.getLogger(MissingWriteApi.class);
    /** Gemini Blueprint's ({@code org.eclipse.gemini.blueprint.service}) and Spring DM's, by name: not imported. */
    private static final String SERVICE_UNAVAILABLE = "ServiceUnavailableException";

    private final String api;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** @param api what the adapter writes through, for the warning, e.g. {@code Crowd's DirectoryManager} */
    public MissingWriteApi(String api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** Whether a call failed because the optional OSGi service behind the reference is not there. */
    public static boolean isServiceMissing(RuntimeException e) {
        return e.getClass().getSimpleName().equals(SERVICE_UNAVAILABLE);
    }

    /** The failure to throw, warned about once. */
    public LanyardException failure(String product, Throwable cause) {
        if (warned.compareAndSet(false, true)) {
            LOG.warn("{} does not offer {} as Lanyard knows it ({}); just-in-time accounts and group sync are "
                    + "unavailable (LNY-617); logins without them go on", product, api, cause.toString());
        }
        return new LanyardException(ErrorCode.HOST_WRITES_UNAVAILABLE, product + " lacks " + api + " as Lanyard knows "
                + "it: " + cause, cause);
    }
}

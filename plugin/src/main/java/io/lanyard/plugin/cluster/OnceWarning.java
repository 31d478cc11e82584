package io.lanyard.plugin.cluster;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/** A warning logged once per concern: a node without a cluster service says so once, not on every login. */
final class OnceWarning {

    private final AtomicBoolean given = new AtomicBoolean();
    private final Logger log;
    private final String concern;

    OnceWarning(Logger log, String concern) {
        this.log = log;
        this.concern = concern;
    }

    void warn(String product, Throwable cause) {
        if (given.compareAndSet(false, true)) {
            log.warn("{}'s {} is not available ({}): Lanyard keeps it on this node only, as on a lone node; on a "
                    + "cluster the other nodes do not share it", product, concern, String.valueOf(cause));
        }
    }

    boolean given() {
        return given.get();
    }
}

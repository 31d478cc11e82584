package com.atlassian.event.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declaration only, the host provides the real annotation (atlassian-event 5.0.2), read at runtime on the methods
 * of a registered listener. Evidence: docs/host-evidence.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EventListener {

    String scope() default "";

    int order() default 0;
}

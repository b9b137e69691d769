package dev.runtruth.sample.backoffice.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Our own composed mapping: a JSON {@code GET}. A route scanner has to follow the meta-annotation to
 * {@link RequestMapping} and the {@link AliasFor} from {@link #path()} to {@link RequestMapping#path()}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestMapping(method = RequestMethod.GET, produces = "application/json")
public @interface ApiGet {

    /** @return the paths, relative to the controller's {@code @RequestMapping}; empty means the controller's own */
    @AliasFor(annotation = RequestMapping.class, attribute = "path")
    String[] path() default {};
}

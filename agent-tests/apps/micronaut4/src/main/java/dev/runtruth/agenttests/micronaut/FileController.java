package dev.runtruth.agenttests.micronaut;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

/** Optional path segments: {@code {/path:.*}} (the rest of the path, or nothing) and {@code {/version}}. */
@Controller
public class FileController {

    /** {@code GET /files{/path:.*}}: answers {@code /files} and {@code /files/a/b}. */
    @Get("/files{/path:.*}")
    public String file(@Nullable @PathVariable String path) {
        return path == null ? "" : path;
    }

    /** {@code GET /docs{/version}/index}: an optional segment in the middle. */
    @Get("/docs{/version}/index")
    public String docs(@Nullable @PathVariable String version) {
        return version == null ? "latest" : version;
    }
}

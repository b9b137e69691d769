package dev.runtruth.agenttests.micronaut;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import java.util.List;
import java.util.Map;

/** Micronaut URI templates: a query template, path variables, a regex constraint and several URIs on one method. */
@Controller("/books")
public class BookController {

    /** {@code GET /books{?max,offset}}: the query template is not part of the path. */
    @Get("{?max,offset}")
    public List<String> list(@QueryValue(defaultValue = "10") int max, @QueryValue(defaultValue = "0") int offset) {
        return List.of("book");
    }

    /** {@code GET /books/{id:[0-9]+}}. */
    @Get("/{id:[0-9]+}")
    public Map<String, String> show(@PathVariable String id) {
        return Map.of("id", id);
    }

    /** {@code POST /books}. */
    @Post
    public HttpResponse<String> save(@Body String book) {
        return HttpResponse.created(book);
    }

    /** {@code PUT /books/{id}}. */
    @Put("/{id}")
    public String update(@PathVariable String id, @Body String book) {
        return id;
    }

    /** {@code PATCH /books/{id}/title}. */
    @Patch("/{id}/title")
    public String rename(@PathVariable String id, @Body String title) {
        return title;
    }

    /** {@code DELETE /books/{id}}. */
    @Delete("/{id}")
    public HttpResponse<Void> delete(@PathVariable String id) {
        return HttpResponse.noContent();
    }

    /** Two URIs for one method. */
    @Get(uris = {"/by-author/{author}", "/by-isbn/{isbn}"})
    public String search(@PathVariable @io.micronaut.core.annotation.Nullable String author,
            @PathVariable @io.micronaut.core.annotation.Nullable String isbn) {
        return author != null ? author : isbn;
    }
}

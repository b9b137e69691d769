package dev.runtruth.agenttests.sdr;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.rest.core.annotation.RepositoryRestResource;
import org.springframework.data.rest.core.annotation.RestResource;

/** Exported under a custom path, with one query method exported as {@code /writers/search/by-name}. */
@RepositoryRestResource(path = "writers", collectionResourceRel = "writers")
public interface AuthorRepository extends JpaRepository<Author, Long> {

    @RestResource(path = "by-name", rel = "by-name")
    List<Author> findByName(@Param("name") String name);
}

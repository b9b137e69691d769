package dev.runtruth.agenttests.sdr;

import org.springframework.data.repository.CrudRepository;

/** Exported under its default path {@code /books}. */
public interface BookRepository extends CrudRepository<Book, Long> {
}

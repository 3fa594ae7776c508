package it.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.metamodel.EntityType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Hibernate;
import org.hibernate.LazyInitializationException;
import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every test starts the persistence unit, whose entities Hibernate finds by scanning the unit's root. */
class AuthorRepositoryTests {

    private EntityManagerFactory factory;
    private AuthorRepository repository;

    @BeforeEach
    void start() {
        factory = Persistence.createEntityManagerFactory("library");
        repository = new AuthorRepository(factory);
    }

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void scanningFindsBothEntities() {
        Set<String> names = factory.getMetamodel().getEntities().stream()
                .map(EntityType::getName)
                .collect(Collectors.toSet());

        assertEquals(Set.of("Author", "Book"), names);
    }

    @Test
    void persistAndFind() {
        Author author = new Author("Ursula");
        author.write("The Dispossessed");
        long id = repository.save(author).getId();

        Author found = repository.find(id).orElseThrow();

        assertEquals("Ursula", found.getName());
        assertThrows(LazyInitializationException.class, () -> found.getBooks().size(),
                "the books were not fetched and the entity manager is closed");
    }

    @Test
    void jpqlJoinFetchLoadsTheBooks() {
        Author ursula = new Author("Ursula");
        ursula.write("The Left Hand of Darkness");
        ursula.write("The Dispossessed");
        repository.save(ursula);
        Author stanislaw = new Author("Stanislaw");
        stanislaw.write("Solaris");
        repository.save(stanislaw);

        List<Author> authors = repository.findAllWithBooks();

        assertEquals(List.of("Stanislaw", "Ursula"), authors.stream().map(Author::getName).toList());
        assertTrue(Hibernate.isInitialized(authors.get(1).getBooks()));
        assertEquals(2, authors.get(1).getBooks().size());
        assertEquals(List.of("The Dispossessed", "The Left Hand of Darkness"), repository.titlesBy("Ursula"));
    }

    @Test
    void referenceIsALazyHibernateProxy() {
        long id = repository.save(new Author("Stanislaw")).getId();

        List<Object> seen = repository.withReference(id, author -> {
            assertInstanceOf(HibernateProxy.class, author);
            assertFalse(Hibernate.isInitialized(author), "nothing loaded yet");
            String name = author.getName();
            assertTrue(Hibernate.isInitialized(author), "loaded by the first call");
            return List.of(name, author.getClass(), Hibernate.getClass(author));
        });

        assertEquals("Stanislaw", seen.get(0));
        assertTrue(Author.class.isAssignableFrom((Class<?>) seen.get(1)), "a subclass generated at run time");
        assertEquals(Author.class, seen.get(2));
    }

    @Test
    void mainPrintsOneLine() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[0]);
        } finally {
            System.setOut(out);
        }

        assertEquals("jpa-app: entities=2 shelves=Stanislaw=1,Ursula=2"
                        + " titles=[The Dispossessed, The Left Hand of Darkness] proxy=true/false/Ursula/true",
                printed.toString(StandardCharsets.UTF_8).strip());
    }
}

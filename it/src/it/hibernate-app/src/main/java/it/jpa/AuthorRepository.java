package it.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Each call runs in a transaction of its own, on an entity manager of its own. */
public final class AuthorRepository {

    private final EntityManagerFactory factory;

    public AuthorRepository(EntityManagerFactory factory) {
        this.factory = factory;
    }

    public Author save(Author author) {
        return inTransaction(em -> {
            em.persist(author);
            return author;
        });
    }

    public Optional<Author> find(long id) {
        return inTransaction(em -> Optional.ofNullable(em.find(Author.class, id)));
    }

    /** The authors with their books fetched in the same query, by name. */
    public List<Author> findAllWithBooks() {
        return inTransaction(em -> em.createQuery(
                        "select distinct a from Author a left join fetch a.books order by a.name", Author.class)
                .getResultList());
    }

    public List<String> titlesBy(String name) {
        return inTransaction(em -> em.createQuery(
                        "select b.title from Book b join b.author a where a.name = :name order by b.title",
                        String.class)
                .setParameter("name", name)
                .getResultList());
    }

    /**
     * Runs {@code work} with a lazy reference to the author, never loaded by this method itself, while its entity
     * manager is still open.
     */
    public <T> T withReference(long id, Function<Author, T> work) {
        return inTransaction(em -> work.apply(em.getReference(Author.class, id)));
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}

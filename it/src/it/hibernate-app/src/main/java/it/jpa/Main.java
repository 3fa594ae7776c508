package it.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.stream.Collectors;
import org.hibernate.Hibernate;

/** Stores two authors and their books, reads them back three ways, prints one line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("library");
        try {
            AuthorRepository repository = new AuthorRepository(factory);
            Author ursula = new Author("Ursula");
            ursula.write("The Dispossessed");
            ursula.write("The Left Hand of Darkness");
            repository.save(ursula);
            Author stanislaw = new Author("Stanislaw");
            stanislaw.write("Solaris");
            repository.save(stanislaw);

            String shelves = repository.findAllWithBooks().stream()
                    .map(a -> a.getName() + "=" + a.getBooks().size())
                    .collect(Collectors.joining(","));
            String proxy = repository.withReference(ursula.getId(), a -> {
                boolean before = Hibernate.isInitialized(a);
                String name = a.getName();
                return (a.getClass() != Author.class) + "/" + before + "/" + name + "/" + Hibernate.isInitialized(a);
            });
            System.out.println("jpa-app: entities=" + factory.getMetamodel().getEntities().size()
                    + " shelves=" + shelves + " titles=" + repository.titlesBy("Ursula") + " proxy=" + proxy);
        } finally {
            factory.close();
        }
    }
}

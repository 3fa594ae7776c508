package io.pkgimage.samples.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactCodecTests {

    private final ContactCodec codec = new ContactCodec();

    private static Contact ada() {
        return new Contact("Ada Lovelace", List.of("ada@example.org", "countess@example.org"),
                Map.of("work", "+44 20 7946 0001", "home", "+44 20 7946 0000"));
    }

    @Test
    void roundTripPreservesEveryField() {
        Contact contact = ada();

        assertThat(codec.read(codec.write(contact))).isEqualTo(contact);
    }

    @Test
    void writesPhonesSortedByLabelSoOutputIsDeterministic() {
        assertThat(codec.write(ada())).isEqualTo(
                "{\"name\":\"Ada Lovelace\",\"emails\":[\"ada@example.org\",\"countess@example.org\"],"
                        + "\"phones\":{\"home\":\"+44 20 7946 0000\",\"work\":\"+44 20 7946 0001\"}}");
    }

    @Test
    void readsHandWrittenDocument() {
        String json = """
                {
                  "name": "Grace Hopper",
                  "emails": ["grace@navy.example"],
                  "phones": { "mobile": "+1 555 0100", "office": "+1 555 0199" }
                }
                """;

        Contact contact = codec.read(json);

        assertThat(contact.name()).isEqualTo("Grace Hopper");
        assertThat(contact.emails()).containsExactly("grace@navy.example");
        assertThat(contact.phones()).containsExactly(entry("mobile", "+1 555 0100"), entry("office", "+1 555 0199"));
    }

    @Test
    void missingCollectionsBecomeEmptyAndUnknownPropertiesAreIgnored() {
        Contact contact = codec.read("{\"name\": \"Alan Turing\", \"nickname\": \"Prof\", \"born\": 1912}");

        assertThat(contact).isEqualTo(new Contact("Alan Turing", List.of(), Map.of()));
    }

    @Test
    void readsAndWritesContactLists() {
        List<Contact> contacts = List.of(ada(), new Contact("Alan Turing", List.of("alan@example.org"), null));

        String json = codec.writeAll(contacts);

        assertThat(json).startsWith("[{\"name\":\"Ada Lovelace\"");
        assertThat(codec.readAll(json)).containsExactlyElementsOf(contacts);
    }

    @Test
    void malformedDocumentRaisesContactFormatException() {
        assertThatThrownBy(() -> codec.read("{\"name\": \"Ada\", \"emails\": ["))
                .isInstanceOf(ContactFormatException.class)
                .hasMessageStartingWith("Invalid contact document: End of input")
                .hasMessageContaining("$.emails");
    }

    @Test
    void missingNameIsRejected() {
        assertThatThrownBy(() -> codec.read("{\"emails\": [\"nobody@example.org\"]}"))
                .isInstanceOf(ContactFormatException.class)
                .hasMessage("Invalid contact document: name is required");
    }

    @Test
    void emptyInputIsRejected() {
        assertThatThrownBy(() -> codec.read(""))
                .isInstanceOf(ContactFormatException.class)
                .hasMessage("Invalid contact document: empty input");
    }
}

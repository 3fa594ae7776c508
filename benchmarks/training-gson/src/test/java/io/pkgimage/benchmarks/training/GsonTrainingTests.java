package io.pkgimage.benchmarks.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a package typically uses Gson: classes, generic collections, the tree model. */
class GsonTrainingTests {
    static final class Person {
        String name;
        int age;
        List<String> emails;
        Map<String, String> phones;
    }

    @Test
    void classesRoundTrip() {
        Gson gson = new GsonBuilder().setPrettyPrinting().create();
        Person p = gson.fromJson(
                "{\"name\":\"Ada\",\"age\":36,\"emails\":[\"a@x\"],\"phones\":{\"home\":\"1\"}}", Person.class);
        assertEquals("Ada", p.name);
        assertEquals(p.age, gson.fromJson(gson.toJson(p), Person.class).age);
    }

    @Test
    void genericCollections() {
        Gson gson = new Gson();
        List<Map<String, Double>> list =
                gson.fromJson("[{\"a\":1},{\"b\":2.5}]", new TypeToken<List<Map<String, Double>>>() {}.getType());
        assertEquals(2.5, list.get(1).get("b"));
        assertEquals("[{\"a\":1.0},{\"b\":2.5}]", gson.toJson(list));
    }

    @Test
    void treeModel() {
        JsonObject o = JsonParser.parseString("{\"a\":{\"b\":[1,2,3]}}").getAsJsonObject();
        assertEquals(3, o.getAsJsonObject("a").getAsJsonArray("b").size());
    }
}

package io.pkgimage.junit;

import com.google.gson.Gson;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;

/** The JMH benchmark that the {@link FirstCallLatencyTests} fixtures guard: Gson's first read and write. */
public class GsonFirstCall {
    @Benchmark
    public String readAndWrite() {
        Gson gson = new Gson();
        Map<?, ?> read = gson.fromJson("{\"name\":\"Ada\",\"langs\":[\"en\",\"fr\"],\"age\":36}", Map.class);
        return gson.toJson(List.of(read, read.get("langs")));
    }
}

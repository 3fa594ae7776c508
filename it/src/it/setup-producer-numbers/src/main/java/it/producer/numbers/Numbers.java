package it.producer.numbers;

import com.google.gson.Gson;
import java.util.List;

public final class Numbers {
    private static final Gson GSON = new Gson();

    private Numbers() {}

    public static int sum(String json) {
        int[] values = GSON.fromJson(json, int[].class);
        int sum = 0;
        for (int v : values) {
            sum += v;
        }
        return sum;
    }

    public static List<Integer> range(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }
}

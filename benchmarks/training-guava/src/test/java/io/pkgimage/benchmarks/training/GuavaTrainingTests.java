package io.pkgimage.benchmarks.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.base.Joiner;
import com.google.common.base.Preconditions;
import com.google.common.base.Splitter;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Lists;
import com.google.common.collect.Multimap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a package typically uses Guava: immutable collections, caches, strings, preconditions. */
class GuavaTrainingTests {
    @Test
    void immutableCollections() {
        ImmutableMap<String, Integer> map =
                ImmutableMap.<String, Integer>builder().put("a", 1).put("b", 2).build();
        ImmutableSet<String> set = ImmutableSet.copyOf(map.keySet());
        ImmutableList<Integer> list = ImmutableList.sortedCopyOf(map.values());
        assertEquals(2, set.size());
        assertEquals(List.of(1, 2), list);
        Multimap<String, Integer> multi = ArrayListMultimap.create();
        multi.put("a", 1);
        multi.put("a", 2);
        assertEquals(2, multi.get("a").size());
        assertEquals(2, Lists.partition(List.of(1, 2, 3), 2).size());
    }

    @Test
    void caches() throws Exception {
        LoadingCache<String, Integer> cache = CacheBuilder.newBuilder()
                .maximumSize(10)
                .expireAfterAccess(1, TimeUnit.MINUTES)
                .build(CacheLoader.from(String::length));
        assertEquals(5, cache.get("hello"));
        assertEquals(1, cache.size());
    }

    @Test
    void strings() {
        List<String> parts = Splitter.on(',').trimResults().omitEmptyStrings().splitToList(" a, b,,c ");
        assertEquals("a|b|c", Joiner.on('|').join(parts));
        assertEquals("x", Preconditions.checkNotNull("x"));
    }
}

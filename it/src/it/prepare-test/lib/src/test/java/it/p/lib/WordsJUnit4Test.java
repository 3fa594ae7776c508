package it.p.lib;

import static org.junit.Assert.assertEquals;

import org.junit.AfterClass;
import org.junit.Test;

public class WordsJUnit4Test {
    @Test
    public void splits() {
        assertEquals(3, Words.of("one two three").size());
    }

    @AfterClass
    public static void recordTheJvm() throws Exception {
        Forks.record(WordsJUnit4Test.class);
    }
}

package it.consumer;

import it.producer.words.Words;

public final class Main {
    public static void main(String[] args) {
        System.out.println("consumer says " + Words.toJson("Linked images, warm start"));
    }
}

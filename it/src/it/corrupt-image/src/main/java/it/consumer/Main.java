package it.consumer;

import it.producer.numbers.Numbers;

public final class Main {
    public static void main(String[] args) {
        System.out.println("sum is " + Numbers.sum("[4,5,6]") + ", range " + Numbers.range(4));
    }
}

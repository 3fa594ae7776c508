package it.app;

import it.b.Article;

public final class Main {
    public static void main(String[] args) {
        Article a = Article.fromJson(Article.titled(args.length > 0 ? args[0] : "Warm Start, Always").toJson());
        System.out.println("app says " + a.slug() + " / " + it.a.Title.of(a.title()) + " on Java " + Runtime.version().feature());
    }
}

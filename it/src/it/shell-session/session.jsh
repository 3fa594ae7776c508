var gson = new com.google.gson.GsonBuilder().create();
System.out.println("snippet says " + gson.toJson(it.shell.Tags.of("Java", "JVM")));
/exit

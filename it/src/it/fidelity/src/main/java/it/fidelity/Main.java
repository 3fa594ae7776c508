package it.fidelity;

import com.google.gson.Gson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints what the module finds on its class path, one line of JSON; with the argument {@code check} it also fails
 * unless that is what Maven's class path gives, so that a training JVM that runs it (pkgimage:record) proves it too.
 */
public final class Main {
    /** What the module finds on Maven's class path, target/classes as a folder. */
    static final String EXPECTED = "{\"scan\":[\"English\",\"French\"],\"manifest\":\"fidelity\",\"codeSource\":true,"
            + "\"services\":[\"Hello, Ada\"],\"setting\":\"main\",\"data\":\"data of the module\"}";

    public static void main(String[] args) throws Exception {
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("scan", Probe.scan("it.fidelity.scanned"));
        found.put("manifest", Probe.ownManifestAttribute("X-Fidelity-Module"));
        found.put("codeSource", Probe.codeSourceExists());
        found.put("services", Probe.greetings());
        found.put("setting", Probe.setting("greeting"));
        found.put("data", Probe.data());
        String json = new Gson().toJson(found);
        System.out.println("fidelity " + json);
        if (args.length > 0 && args[0].equals("check") && !json.equals(EXPECTED)) {
            throw new IllegalStateException("Expecting " + EXPECTED + " but found " + json);
        }
    }
}

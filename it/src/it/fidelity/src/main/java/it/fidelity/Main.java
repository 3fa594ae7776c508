package it.fidelity;

import com.google.gson.Gson;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints what the module finds on its class path, one line of JSON, for a JVM started from the link's argfile. */
public final class Main {
    public static void main(String[] args) throws Exception {
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("scan", Probe.scan("it.fidelity.scanned"));
        found.put("manifest", Probe.ownManifestAttribute("X-Fidelity-Module"));
        found.put("codeSource", Probe.codeSourceExists());
        found.put("services", Probe.greetings());
        found.put("setting", Probe.setting("greeting"));
        found.put("data", Probe.data());
        System.out.println("fidelity " + new Gson().toJson(found));
    }
}

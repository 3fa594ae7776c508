package it.spring;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the service on a random port, sends one POST /orders over a plain socket and
 * prints the time from JVM start until the response status line has been read.
 */
public class FirstResponse {

    public static void main(String[] args) throws Exception {
        SpringApplication app = new SpringApplication(ServiceApplication.class);
        ConfigurableApplicationContext context = app.run(withRandomPort(args));
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            int status = postOrder(port);
            long startTime = ManagementFactory.getRuntimeMXBean().getStartTime();
            long ms = System.currentTimeMillis() - startTime;
            System.out.println("first-response-ms=" + ms + " status=" + status);
        }
        finally {
            context.close();
        }
    }

    private static String[] withRandomPort(String[] args) {
        String[] result = new String[args.length + 1];
        result[0] = "--server.port=0";
        System.arraycopy(args, 0, result, 1, args.length);
        return result;
    }

    private static int postOrder(int port) throws Exception {
        byte[] body = "{\"item\":\"coffee\",\"quantity\":2}".getBytes(StandardCharsets.UTF_8);
        String head = "POST /orders HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String statusLine = in.readLine();
            if (statusLine == null) {
                throw new IllegalStateException("No response from server");
            }
            // "HTTP/1.1 201 " -> 201
            String[] parts = statusLine.split(" ");
            int status = Integer.parseInt(parts[1]);
            // Drain the rest of the response (server closes the connection).
            while (in.readLine() != null) {
                // ignore
            }
            return status;
        }
    }
}

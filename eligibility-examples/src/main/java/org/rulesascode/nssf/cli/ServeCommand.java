package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.rulesascode.nssf.cli.web.WebServer;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nssf serve}: the paralegals' page and the REST API on a local web server. */
@Command(name = "serve",
        header = "Serves the paralegals' page and the REST API on a local web server.",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        sortOptions = false,
        description = {
                "Starts a web server with a page where a worker's facts are entered (in",
                "English or Khmer) and her letter comes back as a page that prints on A4,",
                "and a JSON REST API: POST /v1/assess, GET /v1/contributions, GET",
                "/v1/parameters, GET /v1/schema, POST /v1/compare (a small population),",
                "described by GET /v1/openapi.json. It listens on 127.0.0.1 unless --bind",
                "says otherwise; there is no login, so bind to another address only on a",
                "network you trust. Ctrl-C stops it.",
                "",
                "Example: nssf serve --port 8080",
                ""})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Nssf nssf;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "TCP port, 0 for any free port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String bind;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new InvalidInputException("--port", port + " is not a port", "0 to 65535");
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("--bind", "'" + bind + "' is not an address of this machine", "an IP address such as 127.0.0.1");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("nssf serve: building the rules engine…");
        out.flush();
        EligibilityEngine engine = nssf.engine();
        WebServer web;
        try {
            web = WebServer.start(engine, new InetSocketAddress(address, port));
        } catch (java.net.BindException e) {
            throw new InvalidInputException("--port", "cannot listen on " + bind + ":" + port + " (" + e.getMessage() + ")",
                    "a free port, or 0 for any free port");
        }
        out.println("nssf serve: the page is at " + web.uri() + " ; the API is described at " + web.uri() + "v1/openapi.json (Ctrl-C stops)");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}

package org.newsgraph.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The heap of {@code serve}. A JVM without {@code -Xmx} may take a quarter of the machine's memory,
 * and a server under load grows into it (3 GB was seen); so {@code java -jar newsgraph.jar serve}
 * without a heap option runs the server in a child JVM with {@link #DEFAULT} and waits for it,
 * passing on its output, its exit code and a stop signal. Give {@code java -Xmx...} to choose.
 */
final class ServeHeap {

    static final String DEFAULT = "-Xmx1g";
    /** Set in the child: the launcher's process id, whose end ends the child too. */
    static final String PARENT = "newsgraph.launcher";

    private ServeHeap() {
    }

    /** The child's exit code if {@code args} are a {@code serve} run here without a heap option; else empty. */
    static Optional<Integer> runInChild(String[] args) {
        if (!isServe(args) || hasHeapOption(ManagementFactory.getRuntimeMXBean().getInputArguments())
                || System.getProperty(PARENT) != null) {
            return Optional.empty();
        }
        Optional<Path> jar = ownJar();
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                DEFAULT));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-D" + PARENT + "=" + ProcessHandle.current().pid(), "-cp", jar.get().toString(),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return Optional.empty();
        }
        // Ctrl-C or kill stops the child the same way, and this process waits for its clean stop.
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                int code = child.waitFor();
                Runtime.getRuntime().removeShutdownHook(stop);
                return Optional.of(code);
            } catch (InterruptedException e) {
                // keep waiting: the child decides when it is done
            } catch (IllegalStateException e) {
                // shutting down: the hook waits for the child
                return Optional.of(ExitCodes.ERROR);
            }
        }
    }

    /** In the child: ends this JVM (its shutdown hooks stop the server) if the launcher is killed. */
    static void followLauncher() {
        String parent = System.getProperty(PARENT);
        if (parent == null) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    p -> p.onExit().thenRun(() -> System.exit(ExitCodes.ERROR)), () -> System.exit(ExitCodes.ERROR));
        } catch (NumberFormatException e) {
            // not ours
        }
    }

    static boolean isServe(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a.equals("serve");
            }
        }
        return false;
    }

    static boolean hasHeapOption(List<String> jvmArgs) {
        return jvmArgs.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize")
                || a.startsWith("-XX:MaxRAMPercentage") || a.startsWith("-XX:MaxRAM="));
    }

    private static Optional<Path> ownJar() {
        try {
            Path p = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}

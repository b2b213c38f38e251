package io.shortener.devstack;

/** A stand-in server for process-handling tests: prints a line, then idles until killed. */
public final class Sleeper {

    private Sleeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("sleeper started");
        System.out.flush();
        if (args.length > 0 && args[0].equals("exit")) {
            System.out.println("sleeper giving up");
            System.exit(3);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}

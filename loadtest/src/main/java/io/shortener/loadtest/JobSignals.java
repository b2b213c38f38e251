package io.shortener.loadtest;

import java.io.IOException;

/** Pauses and resumes the analytics job's process (SIGSTOP, SIGCONT), so that a measurement can run with or without it. */
record JobSignals(long pid) {

    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            throw new IllegalStateException("the analytics job (pid " + pid + ") is not running any more; see "
                    + ".devstack/local/analytics/job.log, and start it again with bin/shortener up");
        }
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }
}

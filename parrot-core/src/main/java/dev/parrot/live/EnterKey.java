package dev.parrot.live;

import java.io.IOException;
import java.io.InputStream;

/**
 * Calls back when Enter is pressed on a console: the way a person ends a recording or a listening session. It polls
 * rather than blocks, so that no thread is left waiting on the console once the session is over (a blocked read would
 * swallow the next line the user types to whatever runs after it).
 */
public final class EnterKey implements AutoCloseable {

    static final long POLL_MILLIS = 50;

    private final Thread thread;
    private volatile boolean closed;

    private EnterKey(InputStream in, Runnable pressed) {
        thread = new Thread(() -> poll(in, pressed), "parrot-enter-key");
        thread.setDaemon(true);
    }

    /** Starts watching {@code in} for a line; {@code pressed} runs once, on the watching thread. */
    public static EnterKey watch(InputStream in, Runnable pressed) {
        EnterKey key = new EnterKey(in, pressed);
        key.thread.start();
        return key;
    }

    private void poll(InputStream in, Runnable pressed) {
        try {
            while (!closed) {
                if (in.available() > 0) {
                    int c = in.read();
                    if (c == '\n' || c == '\r' || c < 0) {
                        if (!closed) {
                            pressed.run();
                        }
                        return;
                    }
                    continue;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            // A console that cannot be read cannot be pressed either: the session ends by its other means.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops watching; waits for the watching thread to end. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(10 * POLL_MILLIS);
    }
}

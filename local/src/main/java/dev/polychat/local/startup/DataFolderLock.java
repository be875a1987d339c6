package dev.polychat.local.startup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stack per data folder. The lock is the operating system's, so it dies with the JVM: a
 * stack that was killed (kill -9, a crash) leaves no lock, but it may leave its PostgreSQL and
 * dynalite running, holding the folder's own locks. Whoever takes the lock next stops them.
 */
public final class DataFolderLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataFolderLock.class);
    private static final String FILE_NAME = "stack.lock";
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder, or fails in one line if another running stack has it. */
    public static DataFolderLock take(Path dataFolder) {
        try {
            Files.createDirectories(dataFolder);
            FileChannel channel = FileChannel.open(dataFolder.resolve(FILE_NAME),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new StartupException("another PolyChat stack is using the data folder "
                        + dataFolder + "; stop it, or set POLYCHAT_DATA to another folder");
            }
            stopLeftoverEngines(dataFolder);
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            throw new StartupException("cannot use the data folder " + dataFolder + ": "
                    + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    /** Engines whose command line names this folder belong to a stack that is gone. */
    private static void stopLeftoverEngines(Path dataFolder) {
        String folder = dataFolder.toAbsolutePath().toString();
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self)
                .filter(process -> process.info().commandLine()
                        .map(command -> isEngineOf(command, folder)).orElse(false))
                .toList();
        for (ProcessHandle leftover : leftovers) {
            LOG.warn("stopping {} (pid {}), left running by an earlier stack on {}",
                    leftover.info().command().orElse("a process"), leftover.pid(), folder);
            leftover.destroy();
        }
        for (ProcessHandle leftover : leftovers) {
            try {
                leftover.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception stillRunning) {
                leftover.destroyForcibly();
            }
        }
    }

    private static boolean isEngineOf(String command, String folder) {
        return command.contains(folder + "/")
                && (command.contains("dynalite") || command.contains("postgres"));
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
